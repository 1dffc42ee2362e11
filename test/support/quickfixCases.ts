/**
 * The quick-fix fixture cases under test/fixtures/quickfix/<lang>/: `input.*` (a template with one
 * `{{fake:…}}` placeholder), `expected.*` (the file after "Move to environment variable") and `case.json`.
 * Shared by the envfix unit tests and the "rewritten programs still run" test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderTemplate } from './template';

/** What `case.json` says about a fixture. */
export interface QuickfixCaseSpec {
  ruleId: string;
  provider: string;
  keyName?: string;
  keyPath?: string;
  /** The env name the fix must derive. */
  name: string;
  /** The variable the program reads when it differs from `name` (Terraform: TF_VAR_x). */
  envName?: string;
  /** File name the engine sees (language detection), when not `input.<ext>`. */
  fileName?: string;
  /** Set when the language has no env syntax: a substring of the expected reason. */
  reason?: string;
  /** The same input as a file of the integration fixture workspace (test/fixtures/workspace/…). */
  workspaceFile?: string;
  /** Toolchain that runs the fixed program: python3, node, bash, go, java, rustc. */
  run?: string;
}

/** One rendered case. `value` is a fake key made now; never print it. */
export interface QuickfixCase extends QuickfixCaseSpec {
  lang: string;
  dir: string;
  inputFile: string;
  expectedFile?: string;
  input: string;
  expected?: string;
  value: string;
  start: number;
  end: number;
}

export const QUICKFIX_FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'quickfix');

const PLACEHOLDER = /\{\{fake:[a-z0-9-]+(?::[A-Za-z0-9_-]+)?\}\}/;

/**
 * Renders a template that holds one placeholder and reports where its value landed.
 * Placeholders are filled by the shared fake-key generator (test/support/template.ts).
 */
export function renderWithOffset(template: string, seed = 'keyguard'): { text: string; value: string; start: number; end: number } {
  const match = PLACEHOLDER.exec(template);
  if (!match) throw new Error('template has no {{fake:…}} placeholder');
  const before = renderTemplate(template.slice(0, match.index), seed);
  const value = renderTemplate(match[0], seed);
  const text = renderTemplate(template, seed);
  return { text, value, start: before.length, end: before.length + value.length };
}

/** Every case under test/fixtures/quickfix, rendered. */
export function loadQuickfixCases(): QuickfixCase[] {
  return fs.readdirSync(QUICKFIX_FIXTURES).sort().map((lang) => {
    const dir = path.join(QUICKFIX_FIXTURES, lang);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as QuickfixCaseSpec;
    const files = fs.readdirSync(dir);
    const inputFile = files.find((f) => f.startsWith('input.'));
    if (!inputFile) throw new Error(`${lang}: no input.* file`);
    const expectedFile = files.find((f) => f.startsWith('expected.'));
    const rendered = renderWithOffset(fs.readFileSync(path.join(dir, inputFile), 'utf8'));
    return {
      ...spec, lang, dir, inputFile, expectedFile,
      input: rendered.text,
      expected: expectedFile ? renderTemplate(fs.readFileSync(path.join(dir, expectedFile), 'utf8')) : undefined,
      value: rendered.value, start: rendered.start, end: rendered.end,
    };
  });
}
