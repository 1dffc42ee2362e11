import type { LanguageId } from '../language';
import { csharpUsingSystem, goImportOs, pythonImportOs } from './imports';
import { findLiteral, type LiteralSpan } from './literal';
import { eolOf, type TextEdit } from './types';

/** Result of rewriting a literal into an environment-variable read. */
export type RewriteResult =
  | {
    ok: true;
    edits: TextEdit[];
    /** The variable the program now reads; differs from the requested name for Terraform (`TF_VAR_name`). */
    envName: string;
  }
  | {
    ok: false;
    /** Why this file cannot read an environment variable here; the host offers SecretStorage/.env/ignore instead. */
    reason: string;
  };

/** Languages whose code reads the variable through an expression in place of a string literal. */
const CODE_LANGUAGES = new Set<LanguageId>(['python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'rust']);

/**
 * Rewrites the literal holding the value at `valueRange` into the language's way of reading the environment
 * variable `name`, with the import the language needs. The replaced span includes the literal's quotes.
 *
 * Chosen forms (each keeps the program compiling in the common cases):
 * - Python `os.environ["NAME"]` (+ `import os`), JS/TS `process.env.NAME`, Java/Kotlin `System.getenv("NAME")`,
 *   C# `Environment.GetEnvironmentVariable("NAME")` (+ `using System;`), Ruby `ENV.fetch("NAME")`, PHP `getenv('NAME')`.
 * - Go `os.Getenv("NAME")` (+ `"os"`); a single-line `const x = "…"` becomes `var` since a call is not constant.
 *   Kotlin `const val` becomes `val`; C# `const` becomes `static readonly` (members) or a plain local.
 * - Rust `&std::env::var("NAME").expect("NAME must be set")`: a `&String`, which deref-coerces wherever a `&str`
 *   was used (`let k = "…"`, `let k: &str = "…"`, `f("…")`); before a method call (`"…".to_string()`) the
 *   `String` itself is used. `const`/`static` items cannot call functions and are refused with a reason.
 * - Shell `"$NAME"`; the right side of an assignment becomes `"${NAME:?NAME is not set}"` so a missing
 *   variable fails loudly; inside a longer string the value becomes `${NAME}`.
 * - YAML/docker-compose and Spring `.properties`: `${NAME}`.
 * - Terraform: `var.name` plus a `variable "name" { type = string, sensitive = true }` block; the value is
 *   then supplied as `TF_VAR_name` (returned as `envName`).
 * - Dockerfile: the `KEY=value` pair leaves the `ENV`/`ARG` instruction (the instruction goes when it held only
 *   that pair) and a comment says how to pass it instead: `docker run -e KEY` / `--env-file .env` at run time,
 *   `RUN --mount=type=secret,id=key,env=KEY` for build steps.
 * - JSON, `.env`, INI, TOML, XML and plain text have no env syntax: `ok: false` with the reason.
 */
export function rewriteForLanguage(language: LanguageId, text: string, valueRange: { start: number; end: number }, name: string, fileName = ''): RewriteResult {
  const literal = findLiteral(text, valueRange.start, valueRange.end);
  if (CODE_LANGUAGES.has(language)) return rewriteCode(language, text, literal, valueRange, name);
  switch (language) {
    case 'shell':
      return { ok: true, envName: name, edits: rewriteShell(text, literal, valueRange, name) };
    case 'yaml':
    case 'properties':
      return { ok: true, envName: name, edits: [rewritePlaceholder(text, literal, valueRange, name, language)] };
    case 'terraform':
      return rewriteTerraform(text, literal, valueRange, name, fileName);
    case 'dockerfile':
      return rewriteDockerfile(text, valueRange, name);
    case 'dotenv':
      return { ok: false, reason: 'A .env file cannot reference an environment variable: store the value in SecretStorage or suppress the finding.' };
    case 'json':
      return { ok: false, reason: 'JSON has no environment-variable syntax: move the value to SecretStorage or .env and load it in code.' };
    default:
      return { ok: false, reason: `${language} files have no environment-variable syntax that Keyguard can write.` };
  }
}

/** The expression that reads `name` in a programming language. */
export function envReadExpression(language: LanguageId, name: string): string {
  switch (language) {
    case 'python': return `os.environ["${name}"]`;
    case 'javascript': case 'typescript': return `process.env.${name}`;
    case 'go': return `os.Getenv("${name}")`;
    case 'java': case 'kotlin': return `System.getenv("${name}")`;
    case 'csharp': return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV.fetch("${name}")`;
    case 'php': return `getenv('${name}')`;
    case 'rust': return `std::env::var("${name}").expect("${name} must be set")`;
    case 'shell': return `"$${name}"`;
    default: return `\${${name}}`;
  }
}

function rewriteCode(language: LanguageId, text: string, literal: LiteralSpan, value: { start: number; end: number }, name: string): RewriteResult {
  if (literal.kind === 'bare') return { ok: false, reason: 'The value is not inside a string literal, so it cannot be replaced safely.' };
  const read = envReadExpression(language, name);
  const edits: TextEdit[] = [];
  const after = /^\s*(.)/.exec(text.slice(literal.end, literal.end + 40))?.[1] ?? '';
  const usedAsReceiver = after === '.' || after === '[';
  if (language === 'rust' && isRustConstItem(text, literal.start)) {
    return { ok: false, reason: 'A Rust const/static item cannot read the environment; turn it into a function or a LazyLock first.' };
  }
  if (literal.kind === 'quoted') {
    let replacement = read;
    if (language === 'rust' && !usedAsReceiver) replacement = `&${read}`;
    edits.push({ start: literal.start, end: literal.end, newText: replacement });
  } else {
    edits.push(embeddedCode(language, text, literal, value, read, usedAsReceiver));
  }
  edits.push(...constFixups(language, text, literal.start));
  if (language === 'python') edits.push(...pythonImportOs(text));
  if (language === 'go') edits.push(...goImportOs(text));
  if (language === 'csharp') edits.push(...csharpUsingSystem(text));
  return { ok: true, envName: name, edits };
}

/** Splits a string literal around the value: `"Bearer sk…"` → `"Bearer " + os.environ["X"]`. */
function embeddedCode(
  language: LanguageId, text: string, literal: Extract<LiteralSpan, { kind: 'embedded' }>, value: { start: number; end: number },
  read: string, usedAsReceiver: boolean,
): TextEdit {
  const head = text.slice(literal.contentStart, value.start);
  const tail = text.slice(value.end, literal.contentEnd);
  const open = literal.prefix + literal.quote;
  if (literal.quote === '`' && (language === 'javascript' || language === 'typescript')) {
    return { start: value.start, end: value.end, newText: `\${${read}}` };
  }
  if (literal.quote === '"' && (language === 'kotlin' || language === 'ruby') && !literal.prefix) {
    return { start: value.start, end: value.end, newText: language === 'kotlin' ? `\${${read}}` : `#{${read}}` };
  }
  if (language === 'rust') {
    const pattern = `${head}{}${tail}`.replace(/\{(?!\})/g, '{{').replace(/(?<!\{)\}/g, '}}').replace('{{}}', '{}');
    return { start: literal.start, end: literal.end, newText: `${usedAsReceiver ? '' : '&'}format!("${pattern}", ${read})` };
  }
  const join = language === 'php' ? ' . ' : ' + ';
  const parts = [head ? `${open}${head}${literal.quote}` : '', read, tail ? `${open}${tail}${literal.quote}` : ''].filter(Boolean);
  const expression = parts.join(join);
  return { start: literal.start, end: literal.end, newText: usedAsReceiver && parts.length > 1 ? `(${expression})` : expression };
}

/** A call is not a constant: loosen the declaration that held the literal. */
function constFixups(language: LanguageId, text: string, literalStart: number): TextEdit[] {
  const lineStart = text.lastIndexOf('\n', literalStart - 1) + 1;
  const before = text.slice(lineStart, literalStart);
  if (language === 'go') {
    const match = /^(\s*)const(\s+)\w+(\s+\w+)?\s*=\s*$/.exec(before);
    if (match) return [{ start: lineStart + match[1].length, end: lineStart + match[1].length + 5, newText: 'var' }];
  }
  if (language === 'kotlin') {
    const index = before.search(/\bconst\s+val\b/);
    if (index >= 0) {
      const length = /^const\s+/.exec(before.slice(index))![0].length;
      return [{ start: lineStart + index, end: lineStart + index + length, newText: '' }];
    }
  }
  if (language === 'csharp') {
    const match = /\bconst\s+/.exec(before);
    if (match) {
      const member = /\b(public|private|protected|internal)\b/.test(before);
      return [{ start: lineStart + match.index, end: lineStart + match.index + match[0].length, newText: member ? 'static readonly ' : '' }];
    }
  }
  return [];
}

function isRustConstItem(text: string, literalStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', literalStart - 1) + 1;
  return /^\s*(pub(\([\w:]+\))?\s+)?(const|static)\s/.test(text.slice(lineStart, literalStart));
}

function rewriteShell(text: string, literal: LiteralSpan, value: { start: number; end: number }, name: string): TextEdit[] {
  if (literal.kind === 'embedded') {
    const newText = literal.quote === "'" ? `'"\${${name}}"'` : `\${${name}}`;
    return [{ start: value.start, end: value.end, newText }];
  }
  const span = literal.kind === 'quoted' ? literal : value;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const isAssignment = /(?:^|[\s;])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?[A-Za-z_]\w*=$/.test(before);
  const newText = isAssignment ? `"\${${name}:?${name} is not set}"` : `"$${name}"`;
  return [{ start: span.start, end: span.end, newText }];
}

/** YAML / docker-compose / Spring properties placeholder `${NAME}`. */
function rewritePlaceholder(text: string, literal: LiteralSpan, value: { start: number; end: number }, name: string, language: LanguageId): TextEdit {
  const placeholder = `\${${name}}`;
  if (literal.kind === 'embedded') return { start: value.start, end: value.end, newText: placeholder };
  if (literal.kind === 'quoted') return { start: literal.start, end: literal.end, newText: language === 'yaml' ? `"${placeholder}"` : placeholder };
  if (language === 'yaml') {
    // A block scalar (`key: |` + indented PEM lines) collapses into one plain `${NAME}` after the key.
    const lineStart = text.lastIndexOf('\n', value.start - 1) + 1;
    const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const header = /:[ \t]*[|>][-+0-9]*[ \t]*\r?\n$/.exec(text.slice(previousLineStart, lineStart));
    if (header && /^\s*$/.test(text.slice(lineStart, value.start))) {
      const indicator = previousLineStart + header.index + 1;
      let end = value.end;
      while (text[end] === '\r' || text[end] === '\n') end++;
      const eol = eolOf(text);
      const keep = end > value.end ? eol : '';
      return { start: indicator, end, newText: ` ${placeholder}${keep}` };
    }
  }
  return { start: value.start, end: value.end, newText: placeholder };
}

function rewriteTerraform(text: string, literal: LiteralSpan, value: { start: number; end: number }, name: string, fileName: string): RewriteResult {
  if (/\.tfvars(\.json)?$/i.test(fileName)) {
    return { ok: false, reason: `A .tfvars file cannot read the environment: delete the assignment and set TF_VAR_${name.toLowerCase()} instead.` };
  }
  const variable = name.toLowerCase();
  const edits: TextEdit[] = [];
  if (literal.kind === 'embedded') edits.push({ start: value.start, end: value.end, newText: `\${var.${variable}}` });
  else edits.push({ start: literal.start, end: literal.end, newText: `var.${variable}` });
  if (!new RegExp(`^\\s*variable\\s+"${variable}"`, 'm').test(text)) {
    const eol = eolOf(text);
    const lead = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
    edits.push({
      start: text.length, end: text.length,
      newText: `${lead}variable "${variable}" {${eol}  type      = string${eol}  sensitive = true${eol}}${eol}`,
    });
  }
  return { ok: true, envName: `TF_VAR_${variable}`, edits };
}

function rewriteDockerfile(text: string, value: { start: number; end: number }, name: string): RewriteResult {
  const lineStart = text.lastIndexOf('\n', value.start - 1) + 1;
  let lineEnd = text.indexOf('\n', value.end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  const instruction = /^(\s*)(ENV|ARG)\s+/i.exec(line);
  if (!instruction) {
    return { ok: false, reason: 'Only ENV and ARG values can be moved out of a Dockerfile; pass this value as a build secret instead.' };
  }
  const kind = instruction[2].toUpperCase();
  const valueInLine = value.start - lineStart;
  const pairs = [...line.matchAll(/([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g)];
  const pair = pairs.find((m) => m.index! <= valueInLine && valueInLine < m.index! + m[0].length);
  const key = pair?.[1] ?? /^\s*\S+\s+([A-Za-z_][\w.-]*)/.exec(line)?.[1] ?? name;
  const secretId = name.toLowerCase().replace(/_/g, '-');
  const runFlag = key === name ? `-e ${key} or --env-file .env` : `-e ${key}="$${name}"`;
  const advice = kind === 'ENV'
    ? `# ${key} is not baked into the image: pass it at run time (docker run ${runFlag}); build steps that need it: RUN --mount=type=secret,id=${secretId},env=${key} …`
    : `# ${key} is a build secret now: docker build --secret id=${secretId},env=${name} …, used as RUN --mount=type=secret,id=${secretId},env=${key} …`;
  const indent = instruction[1];
  if (pair && pairs.length > 1) {
    // Drop only this pair; the rest of the instruction stays, the advice goes on the line above.
    let start = lineStart + pair.index!;
    let end = start + pair[0].length;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (end >= lineEnd) while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
    return {
      ok: true, envName: name,
      edits: [{ start: lineStart, end: lineStart, newText: `${indent}${advice}${eolOf(text)}` }, { start, end, newText: '' }],
    };
  }
  return { ok: true, envName: name, edits: [{ start: lineStart, end: lineEnd, newText: `${indent}${advice}` }] };
}
