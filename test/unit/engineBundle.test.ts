import * as assert from 'assert';
import * as path from 'path';
import { engine } from '../../src/host/engineLoader';

const root = path.resolve(__dirname, '../../..');

describe('engine bundle (loaded on first scan, not at activation)', () => {
  it('the extension bundle does not inline the scanner, its rules or format parsers', async function () {
    this.timeout(60_000);
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/extension.ts'],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      mainFields: ['module', 'main'],
      external: ['vscode'],
      write: false,
      outfile: 'extension.js',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/host/engineLoader.ts'), 'expected the loader in the bundle');
    const inlined = inputs.filter((input) => /^src\/engine\/(scanner|generic|risky|providers|formats\/|rules\/)|node_modules\/(js-yaml|smol-toml)\//.test(input));
    assert.deepStrictEqual(inlined, []);
  });

  it('loads the engine from the tsc output when no dist/engine.js is beside the loader', () => {
    const { findings } = engine().scanText("db_password = 'Tr0ub4dor-and-3-horses'\n", 'config.py');
    assert.ok(findings.length > 0, 'expected a finding from the lazily loaded engine');
    assert.ok(require.cache[path.join(root, 'out', 'src', 'engineEntry.js')], 'expected out/src/engineEntry.js to be the engine');
  });
});
