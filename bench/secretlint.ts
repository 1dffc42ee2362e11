import * as path from 'path';
import { pathToFileURL } from 'url';
import { repoRoot } from './trees';

/** secretlint loaded in-process: its core's `lintSource` with the recommended preset, as its CLI runs it. */
export interface Secretlint {
  version: string;
  presetVersion: string;
  ruleCount: number;
  lint(content: string, filePath: string): Promise<number>;
}

// secretlint ships ES modules only; a real dynamic import (which tsc would turn into require) loads them.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

/**
 * Loads secretlint 13's own core (nested under node_modules/secretlint, since other packages pull older
 * versions to the top level) and `@secretlint/secretlint-rule-preset-recommend`.
 */
export async function loadSecretlint(): Promise<Secretlint> {
  const secretlintDir = path.join(repoRoot, 'node_modules/secretlint');
  const corePath = require.resolve('@secretlint/core', { paths: [secretlintDir] });
  const presetPath = require.resolve('@secretlint/secretlint-rule-preset-recommend', { paths: [repoRoot] });
  const core = await importModule(pathToHref(corePath));
  const preset = await importModule(pathToHref(presetPath));
  const version = readVersion(path.join(secretlintDir, 'package.json'));
  const presetVersion = readVersion(path.join(path.dirname(presetPath), '..', 'package.json'));
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
  return {
    version,
    presetVersion,
    ruleCount: (preset.rules as unknown[]).length,
    async lint(content: string, filePath: string): Promise<number> {
      const result = await core.lintSource({
        source: { content, filePath, ext: path.extname(filePath), contentType: 'text' },
        options: { config, maskSecrets: true },
      });
      return (result.messages as unknown[]).length;
    },
  };
}

function pathToHref(file: string): string {
  return pathToFileURL(file).href;
}

function readVersion(packageJson: string): string {
  return (require(packageJson) as { version: string }).version;
}
