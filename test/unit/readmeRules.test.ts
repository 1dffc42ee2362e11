import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderRuleTable, replaceRuleTable, RULES_END, RULES_START } from '../../scripts/gen-readme-rules';
import { allRules } from '../../src/engine/rules/catalog';

/** out/test/unit -> repository root */
const README = path.resolve(__dirname, '..', '..', '..', 'README.md');

describe('README rule table', () => {
  it('lists every rule with an anchor, escaping table syntax', () => {
    const table = renderRuleTable([
      {
        id: 'demo-rule', title: 'Demo | pipe', provider: 'Demo', kind: 'secret', severity: 'warning',
        specificity: 'provider', format: 'a\nb', remediation: 'none',
      },
    ]);
    assert.match(table, /\| <a id="rule-demo-rule"><\/a>`demo-rule` \| Demo \\\| pipe \| Demo \| secret \| warning \| a b \|/);
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\n${RULES_START}\nold\n${RULES_END}\n\nTail\n`;
    assert.strictEqual(replaceRuleTable(readme, 'NEW'), `# Title\n\n${RULES_START}\nNEW\n${RULES_END}\n\nTail\n`);
    assert.throws(() => replaceRuleTable('# no markers', 'x'), /markers/);
  });

  it('is up to date in README.md (run npm run readme:rules)', function () {
    const readme = fs.existsSync(README) ? fs.readFileSync(README, 'utf8') : '';
    if (!readme.includes(RULES_START)) {
      this.skip();
      return;
    }
    const expected = replaceRuleTable(readme, renderRuleTable(allRules()));
    assert.ok(expected === readme, 'README.md rule table is stale: run npm run readme:rules');
    for (const rule of allRules()) assert.ok(readme.includes(`<a id="rule-${rule.id}"></a>`), `anchor for ${rule.id}`);
  });
});
