import type { LanguageId } from '../language';
import { parseJson } from './json';
import { parseDotenv, parseIni, parseProperties } from './lineFormats';
import { parseToml } from './toml';
import type { KeyValueEntry, Structure } from './types';
import { parseXml } from './xml';
import { parseYaml } from './yaml';

export type { KeyValueEntry, Structure, StructuredFormat } from './types';

/**
 * Parses a config file into key/value entries whose offsets are the values themselves. Returns undefined
 * for languages that are not config (source code). Never throws: a broken file comes back
 * `{ malformed: true, entries: [...best effort...], note }`. Linear in the text's length.
 */
export function parseStructure(text: string, fileName: string, language: LanguageId): Structure | undefined {
  let structure: Structure | undefined;
  try {
    structure = parseByLanguage(text, language);
  } catch (error) {
    const format = formatOf(language);
    if (!format) return undefined;
    return { format, entries: [], malformed: true, note: `${format} parser failed on ${fileName}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (structure && (structure.format === 'yaml' || structure.format === 'json')) nameValuePairs(structure.entries);
  return structure;
}

function formatOf(language: LanguageId): Structure['format'] | undefined {
  switch (language) {
    case 'yaml': return 'yaml';
    case 'json': return 'json';
    case 'dotenv': return 'dotenv';
    case 'properties': return 'properties';
    case 'ini': return 'ini';
    case 'toml': return 'toml';
    case 'xml': return 'xml';
    default: return undefined;
  }
}

function parseByLanguage(text: string, language: LanguageId): Structure | undefined {
  switch (language) {
    case 'yaml': return parseYaml(text);
    case 'json': return parseJson(text);
    case 'dotenv': return parseDotenv(text);
    case 'properties': return parseProperties(text);
    case 'ini': return parseIni(text);
    case 'toml': return parseToml(text);
    case 'xml': return parseXml(text);
    default: return undefined;
  }
}

const ENV_ITEM = /^([A-Za-z_][A-Za-z0-9_.-]*)=/;

/**
 * Gives values their real names where the format names them indirectly:
 * - docker-compose `environment:` lists (`- DB_PASSWORD=…`): the entry becomes `DB_PASSWORD` with the
 *   value after `=`;
 * - Kubernetes/ECS `env` items (`- name: DB_PASSWORD` + `value: …`) and `{ "key": "ApiKey", "value": … }`
 *   pairs: the `value` entry is renamed after the `name`/`key` next to it.
 */
function nameValuePairs(entries: KeyValueEntry[]): void {
  const namesByParent = new Map<string, string>();
  // Length tests before lower-casing and regexes: this runs once per entry, and most keys are neither.
  for (const entry of entries) {
    if (entry.key.length !== 3 && entry.key.length !== 4) continue;
    const lower = entry.key.toLowerCase();
    if ((lower === 'name' || lower === 'key') && entry.keyPath.length > entry.key.length && /^[A-Za-z_][\w.-]{0,99}$/.test(entry.value)) {
      namesByParent.set(parentOf(entry.keyPath), entry.value);
    }
  }
  for (const entry of entries) {
    if (entry.keyPath.endsWith(']') && /\[\d+\]$/.test(entry.keyPath)) {
      const match = ENV_ITEM.exec(entry.value);
      if (match && entry.valueEnd - entry.valueStart === entry.value.length) {
        const name = match[1];
        entry.keyStart = entry.valueStart;
        entry.value = entry.value.slice(match[0].length);
        entry.valueStart += match[0].length;
        entry.keyPath = `${parentOf(entry.keyPath) ? `${stripIndex(entry.keyPath)}.` : ''}${name}`;
        entry.key = name;
      }
      continue;
    }
    if (namesByParent.size > 0 && entry.key.length === 5 && entry.key.toLowerCase() === 'value') {
      const name = namesByParent.get(parentOf(entry.keyPath));
      if (name) entry.key = name;
    }
  }
}

/** `a.b[0].value` -> `a.b[0]`; `a.b[2]` -> `a.b`. */
function parentOf(keyPath: string): string {
  const index = /\[\d+\]$/.exec(keyPath);
  if (index) return keyPath.slice(0, index.index);
  const dot = keyPath.lastIndexOf('.');
  return dot < 0 ? '' : keyPath.slice(0, dot);
}

function stripIndex(keyPath: string): string {
  return keyPath.replace(/\[\d+\]$/, '');
}
