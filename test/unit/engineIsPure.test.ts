import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('engine purity (house style: no vscode under src/engine)', () => {
  const files = sourceFiles(path.join(root, 'src', 'engine'));

  it('finds the engine sources', () => {
    assert.ok(files.length >= 10, `expected engine sources, found ${files.length}`);
  });

  it('no engine module imports vscode', () => {
    const offenders = files.filter((file) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\s+['"]vscode['"])/.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepStrictEqual(offenders.map((file) => path.relative(root, file)), []);
  });

  it('no engine module imports from src/host or src/cli', () => {
    const offenders = files.filter((file) => /from\s+['"](\.\.\/)+(host|cli)\//.test(fs.readFileSync(file, 'utf8')));
    assert.deepStrictEqual(offenders.map((file) => path.relative(root, file)), []);
  });
});
