import * as assert from 'assert';
import {
  DEFAULT_IGNORE_PATTERNS,
  DEFAULT_MAX_FILE_SIZE,
  isProbablyBinary,
  parseSize,
  PathFilter,
  toPosixRelative,
} from '../../src/engine/pathFilter';

describe('PathFilter', () => {
  describe('default ignores', () => {
    const filter = new PathFilter();
    const ignored = [
      '.git/config',
      'node_modules/lib/index.js',
      'packages/app/node_modules/x/y.js',
      'dist/app.min.js',
      'static/site.min.css',
      'dist/app.js.map',
      'package-lock.json',
      'sub/yarn.lock',
      'pnpm-lock.yaml',
      'go.sum',
      'Cargo.lock',
      'poetry.lock',
      'Gemfile.lock',
      'composer.lock',
      'img/logo.PNG',
      'fonts/a.woff2',
      'release/app.tar.gz',
      'lib/native.so',
      '.keyguard/allowlist.json',
    ];
    for (const path of ignored) {
      it(`skips ${path}`, () => assert.strictEqual(filter.isIgnored(path), true));
    }
    const scanned = ['.env', '.npmrc', 'src/app.ts', 'config/settings.yaml', 'dist/app.js', 'docker-compose.yml', 'go.mod'];
    for (const path of scanned) {
      it(`scans ${path}`, () => assert.strictEqual(filter.isIgnored(path), false));
    }
    it('skips the node_modules directory itself', () => {
      assert.strictEqual(filter.isIgnored('node_modules', true), true);
      assert.strictEqual(filter.isIgnored('src', true), false);
    });
  });

  it('is configurable: replace the defaults, or add to them', () => {
    const none = new PathFilter({ defaultIgnores: [] });
    assert.strictEqual(none.isIgnored('node_modules/a.js'), false);
    const extra = new PathFilter({ extraIgnores: ['fixtures/'] });
    assert.strictEqual(extra.isIgnored('test/fixtures/a.env'), true);
    assert.strictEqual(extra.isIgnored('node_modules/a.js'), true);
    assert.ok(DEFAULT_IGNORE_PATTERNS.includes('node_modules/'));
  });

  it('applies a root ignore file', () => {
    const filter = new PathFilter();
    filter.addIgnoreFile('', '# comment\n*.log\n/build/\nsecrets/*.txt\n!secrets/keep.txt\n');
    assert.strictEqual(filter.isIgnored('a.log'), true);
    assert.strictEqual(filter.isIgnored('deep/down/a.log'), true);
    assert.strictEqual(filter.isIgnored('build/out.js'), true);
    assert.strictEqual(filter.isIgnored('src/build/out.js'), false, 'anchored pattern only matches at the root');
    assert.strictEqual(filter.isIgnored('secrets/a.txt'), true);
    assert.strictEqual(filter.isIgnored('secrets/keep.txt'), false);
    assert.strictEqual(filter.isIgnored('src/app.ts'), false);
  });

  it('applies nested ignore files to their own directory only', () => {
    const filter = new PathFilter();
    filter.addIgnoreFile('packages/web', 'generated/\n/local.env\n');
    assert.strictEqual(filter.isIgnored('packages/web/generated/a.ts'), true);
    assert.strictEqual(filter.isIgnored('packages/web/local.env'), true);
    assert.strictEqual(filter.isIgnored('packages/web/src/local.env'), false, 'anchored to packages/web');
    assert.strictEqual(filter.isIgnored('generated/a.ts'), false, 'does not apply above its directory');
    assert.strictEqual(filter.isIgnored('packages/api/generated/a.ts'), false);
  });

  it('lets a deeper ignore file re-include what a shallower one excluded', () => {
    const filter = new PathFilter();
    // Added deepest first on purpose: layers are ordered by depth, not by insertion.
    filter.addIgnoreFile('config', '!prod.env\n');
    filter.addIgnoreFile('', '*.env\n');
    assert.strictEqual(filter.isIgnored('config/prod.env'), false);
    assert.strictEqual(filter.isIgnored('config/dev.env'), true);
    assert.strictEqual(filter.isIgnored('other/prod.env'), true);
  });

  it('accepts Windows separators and ./ prefixes', () => {
    const filter = new PathFilter();
    filter.addIgnoreFile('.\\sub', 'x.txt\n');
    assert.strictEqual(filter.isIgnored('sub\\x.txt'), true);
    assert.strictEqual(filter.isIgnored('./sub/x.txt'), true);
    assert.strictEqual(toPosixRelative('.\\a\\b\\'), 'a/b');
  });

  it('never throws on odd paths', () => {
    const filter = new PathFilter();
    for (const path of ['', '.', '..', '../outside', '/abs/path']) {
      assert.doesNotThrow(() => filter.isIgnored(path), path);
    }
    assert.strictEqual(filter.isIgnored('../node_modules/x'), false, 'paths outside the root are not judged');
  });

  it('checks file sizes against the limit', () => {
    assert.strictEqual(new PathFilter().maxFileSize, DEFAULT_MAX_FILE_SIZE);
    const filter = new PathFilter({ maxFileSize: 100 });
    assert.strictEqual(filter.isTooLarge(100), false);
    assert.strictEqual(filter.isTooLarge(101), true);
  });
});

describe('isProbablyBinary', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('treats text, including multi-byte UTF-8, as text', () => {
    assert.strictEqual(isProbablyBinary(utf8('const a = 1;\n')), false);
    assert.strictEqual(isProbablyBinary(utf8('naïve café — 日本語 🔑\n'.repeat(50))), false);
    assert.strictEqual(isProbablyBinary(new Uint8Array(0)), false);
  });

  it('treats a NUL byte as binary', () => {
    assert.strictEqual(isProbablyBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), true);
  });

  it('treats mostly invalid UTF-8 as binary but tolerates a few stray bytes', () => {
    const noise = new Uint8Array(1000).map((_value, index) => (index % 2 === 0 ? 0xff : 0x41));
    assert.strictEqual(isProbablyBinary(noise), true);
    const latin1 = utf8('password = "cafe"\n'.repeat(20));
    latin1[5] = 0xe9; // one Latin-1 é in an otherwise ASCII file
    assert.strictEqual(isProbablyBinary(latin1), false);
  });

  it('does not count a multi-byte character cut at the sample edge', () => {
    const bytes = new Uint8Array(8000).fill(0x61);
    bytes[7999] = 0xe6; // first byte of a 3-byte sequence
    assert.strictEqual(isProbablyBinary(bytes), false);
  });

  it('treats UTF-16 with a byte order mark as text', () => {
    assert.strictEqual(isProbablyBinary(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00])), false);
  });
});

describe('parseSize', () => {
  it('reads bytes and binary units', () => {
    assert.strictEqual(parseSize('1048576'), 1048576);
    assert.strictEqual(parseSize('2mb'), 2 * 1024 * 1024);
    assert.strictEqual(parseSize('2MiB'), 2 * 1024 * 1024);
    assert.strictEqual(parseSize('500k'), 500 * 1024);
    assert.strictEqual(parseSize('1.5 MB'), 1.5 * 1024 * 1024);
    assert.strictEqual(parseSize('1g'), 1024 ** 3);
  });
  it('rejects nonsense', () => {
    for (const bad of ['', 'abc', '-1', '0', '2tb', '1e9']) assert.strictEqual(parseSize(bad), undefined, bad);
  });
});
