import * as assert from 'assert';
import { isPlaceholder } from '../../src/engine/placeholders';
import { scanText } from '../../src/engine/scanner';
import { randomFrom } from '../support/random';

const HEX = '0123456789abcdef';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = B62 + '-_';
const b64url = (text: string): string => Buffer.from(text).toString('base64url');

function rulesAt(text: string, fileName = 'notes.txt'): string[] {
  return scanText(text, fileName).findings.map((f) => `${f.range.startPos.line}:${f.ruleId}`);
}

describe('gaps found against public peer test inputs', () => {
  it('treats one short unit typed over and over as filler, not a secret', () => {
    const unit = randomFrom(HEX, 8, 'unit');
    assert.strictEqual(isPlaceholder(unit.repeat(5)), true);
    assert.strictEqual(isPlaceholder(`${unit.repeat(3)}${unit.toUpperCase().repeat(2)}--__`), true);
    assert.strictEqual(isPlaceholder(randomFrom(B64URL, 44, 'random-value')), false);
    const line = `ibm_api_key = "${unit.repeat(3)}${unit.toUpperCase().repeat(2)}"\n`;
    assert.deepStrictEqual(rulesAt(line, 'config.txt'), []);
  });

  it('treats fake/dummy/mock + secret words as a stand-in', () => {
    for (const value of ['fakesecret', 'dummytoken', 'mockpassword']) assert.strictEqual(isPlaceholder(value), true, value);
    assert.deepStrictEqual(rulesAt('my_password = "fakesecret"\n'), []);
  });

  it('rejects a JWT whose header is cut short, keeps a whole one', () => {
    const header = b64url('{"alg":"HS256","typ":"JWT"}');
    const payload = b64url(`{"sub":"${randomFrom(HEX, 12, 'sub')}","iat":1700000000}`);
    const signature = randomFrom(B64URL, 43, 'sig');
    assert.deepStrictEqual(rulesAt(`${header}.${payload}.${signature}\n`), ['1:jwt']);
    const truncated = b64url('{"alg":"HS256","typ":"JWT').replace(/=+$/, '');
    assert.deepStrictEqual(rulesAt(`${truncated}.${payload}.${signature}\n`), []);
  });

  it('finds a Telegram bot token glued to the /bot path of a Bot API URL', () => {
    const value = `${randomFrom('123456789', 1, 'tg0')}${randomFrom('0123456789', 8, 'tg1')}:AA${randomFrom(B64URL, 33, 'tg2')}`;
    assert.deepStrictEqual(rulesAt(`curl https://api.telegram.org/bot${value}/getMe\n`), ['1:telegram-bot-token']);
    assert.deepStrictEqual(rulesAt(`robot${value}\n`), []);
  });

  it('finds a Slack app-level token whose hex tail is a little shorter than 64', () => {
    const value = `xapp-1-A${randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10, 'app')}-${randomFrom('0123456789', 13, 'num')}-${randomFrom(HEX, 62, 'tail')}`;
    assert.deepStrictEqual(rulesAt(`${value}\n`), ['1:slack-app-token']);
  });

  it('finds Shopify tokens whose 32-character body is not hex', () => {
    const value = `shpat_${randomFrom(B62, 32, 'shop')}`;
    assert.deepStrictEqual(rulesAt(`${value}\n`), ['1:shopify-access-token']);
  });

  it('does not take a PyPI macaroon head too short to hold a signature for a token', () => {
    const head = 'pypi-' + b64url('\x02\x01\x08pypi.org').slice(0, 15);
    assert.strictEqual(head, 'pypi-AgEIcHlwaS5vcmc');
    assert.deepStrictEqual(rulesAt(`${head}${randomFrom(B64URL, 68, 'short')}\n`), []);
    assert.deepStrictEqual(rulesAt(`${head}${randomFrom(B64URL, 160, 'long')}\n`), ['1:pypi-upload-token']);
  });
});
