import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  configurationOf,
  readmeDescription,
  renderSettingsTables,
  replaceSettingsTables,
  SETTINGS_END,
  SETTINGS_START,
} from '../../scripts/gen-readme-settings';

/** out/test/unit -> repository root */
const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('README settings tables', () => {
  it('renders one table per group, in order, with default, scope and escaped description', () => {
    const tables = renderSettingsTables([
      {
        title: 'Second',
        order: 2,
        properties: { 'demo.b': { type: 'number', default: 3, markdownDescription: 'Pipe | here' } },
      },
      {
        title: 'First',
        order: 1,
        properties: {
          'demo.z': { type: 'string', default: 'on', enum: ['on', 'off'], scope: 'application', order: 2, markdownDescription: 'See `#demo.a#`.' },
          'demo.a': { type: 'boolean', default: true, scope: 'resource', order: 1, description: 'Plain\ntext' },
        },
      },
    ]);
    const lines = tables.split('\n');
    assert.strictEqual(lines[0], '3 settings. Generated from package.json by `npm run readme:settings`; do not edit by hand.');
    const rows = lines.filter((line) => line.startsWith('| `'));
    assert.deepStrictEqual(rows, [
      '| `demo.a` | `true` | resource | Plain text |',
      '| `demo.z` | `"on"` (one of `on`, `off`) | application | See `demo.a`. |',
      '| `demo.b` | `3` | window | Pipe \\| here |',
    ]);
    assert.ok(tables.indexOf('**First**') < tables.indexOf('**Second**'), 'groups follow their order');
  });

  it('turns settings-editor links into code spans', () => {
    assert.strictEqual(readmeDescription({ markdownDescription: 'Added to #files.exclude# and `#keyguard.rotation.command#`.' }), 'Added to `files.exclude` and `keyguard.rotation.command`.');
  });

  it('replaces only the text between the markers', () => {
    const readme = `# T\n\n${SETTINGS_START}\nold\n${SETTINGS_END}\n\nTail\n`;
    assert.strictEqual(replaceSettingsTables(readme, 'NEW'), `# T\n\n${SETTINGS_START}\nNEW\n${SETTINGS_END}\n\nTail\n`);
    assert.throws(() => replaceSettingsTables('# none', 'x'), /markers/);
  });

  it('is up to date in README.md (run npm run readme:settings)', function () {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    if (!readme.includes(SETTINGS_START)) {
      this.skip();
      return;
    }
    const configuration = configurationOf(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(readme === replaceSettingsTables(readme, renderSettingsTables(configuration)), 'README.md settings tables are stale: run npm run readme:settings');
    for (const group of configuration) {
      for (const name of Object.keys(group.properties ?? {})) assert.ok(readme.includes(`| \`${name}\` |`), `row for ${name}`);
    }
  });
});
