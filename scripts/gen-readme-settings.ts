/**
 * Regenerates the settings tables in README.md between `<!-- settings:start -->` and `<!-- settings:end -->`
 * from package.json `contributes.configuration`, so the README lists exactly the settings VS Code shows.
 *
 *   npm run readme:settings                           rewrite README.md
 *   node out/scripts/gen-readme-settings.js --check   exit 1 when the tables are stale
 */
import * as fs from 'fs';
import * as path from 'path';
import { replaceBetweenMarkers, tableCell } from './readmeSections';

export const SETTINGS_START = '<!-- settings:start -->';
export const SETTINGS_END = '<!-- settings:end -->';

/** The parts of one `contributes.configuration` property the table shows. */
export interface SettingSchema {
  type?: string | string[];
  default?: unknown;
  scope?: string;
  order?: number;
  enum?: unknown[];
  markdownDescription?: string;
  description?: string;
}

/** One `contributes.configuration` group. */
export interface SettingsGroup {
  title?: string;
  order?: number;
  properties?: Record<string, SettingSchema>;
}

/**
 * A setting's description as README text: VS Code's `#setting.id#` links become plain code spans, since
 * they only link inside the Settings editor.
 */
export function readmeDescription(schema: SettingSchema): string {
  const text = schema.markdownDescription ?? schema.description ?? '';
  return text.replace(/`#([\w.]+)#`/g, '`$1`').replace(/#([a-z][\w]*(?:\.[\w]+)+)#/g, '`$1`');
}

/** The default as JSON, in a code span; `enum` values are listed after it. */
function defaultCell(schema: SettingSchema): string {
  const shown = schema.default === undefined ? '—' : `\`${JSON.stringify(schema.default)}\``;
  if (!schema.enum || schema.enum.length === 0) return shown;
  const others = schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  return `${shown} (one of ${others})`;
}

/** VS Code's default scope is `window` when a setting does not declare one. */
function scopeOf(schema: SettingSchema): string {
  return schema.scope ?? 'window';
}

/** The groups in their `order`, each setting in its own `order` (then by name). */
function orderedGroups(groups: readonly SettingsGroup[]): Array<{ title: string; settings: Array<[string, SettingSchema]> }> {
  const byOrder = <T extends { order?: number }>(a: T, b: T) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER);
  return [...groups]
    .map((group, index) => ({ group, index }))
    .sort((a, b) => byOrder(a.group, b.group) || a.index - b.index)
    .map(({ group }) => ({
      title: group.title ?? 'Settings',
      settings: Object.entries(group.properties ?? {}).sort(
        ([nameA, a], [nameB, b]) => byOrder(a, b) || nameA.localeCompare(nameB),
      ),
    }))
    .filter((group) => group.settings.length > 0);
}

/** The Markdown settings tables (without the markers), one per configuration group. */
export function renderSettingsTables(configuration: SettingsGroup | readonly SettingsGroup[] | undefined): string {
  const groups = configuration === undefined ? [] : Array.isArray(configuration) ? configuration : [configuration as SettingsGroup];
  const ordered = orderedGroups(groups);
  const count = ordered.reduce((sum, group) => sum + group.settings.length, 0);
  const lines = [`${count} settings. Generated from package.json by \`npm run readme:settings\`; do not edit by hand.`];
  for (const group of ordered) {
    lines.push('', `**${tableCell(group.title)}**`, '', '| Setting | Default | Scope | Description |', '| --- | --- | --- | --- |');
    for (const [name, schema] of group.settings) {
      lines.push(`| \`${name}\` | ${tableCell(defaultCell(schema))} | ${scopeOf(schema)} | ${tableCell(readmeDescription(schema))} |`);
    }
  }
  return lines.join('\n');
}

/**
 * Returns `readme` with the text between the markers replaced by `tables`.
 * @throws Error when the markers are missing or out of order.
 */
export function replaceSettingsTables(readme: string, tables: string): string {
  return replaceBetweenMarkers(readme, SETTINGS_START, SETTINGS_END, tables);
}

/** `contributes.configuration` of a package.json text. */
export function configurationOf(packageJsonText: string): SettingsGroup[] {
  const manifest = JSON.parse(packageJsonText) as { contributes?: { configuration?: SettingsGroup | SettingsGroup[] } };
  const configuration = manifest.contributes?.configuration;
  if (configuration === undefined) return [];
  return Array.isArray(configuration) ? configuration : [configuration];
}

function main(): number {
  const root = path.resolve(__dirname, '..', '..');
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const configuration = configurationOf(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const updated = replaceSettingsTables(readme, renderSettingsTables(configuration));
  const count = configuration.reduce((sum, group) => sum + Object.keys(group.properties ?? {}).length, 0);
  if (process.argv.includes('--check')) {
    if (updated === readme) return 0;
    process.stderr.write('README.md settings tables are stale: run npm run readme:settings\n');
    return 1;
  }
  if (updated !== readme) fs.writeFileSync(readmePath, updated);
  process.stdout.write(`README.md: ${count} settings ${updated === readme ? 'already up to date' : 'written'}\n`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    process.stderr.write(`gen-readme-settings: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
