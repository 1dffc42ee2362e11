import type { KeyValueEntry, Structure } from './types';

interface OpenElement {
  name: string;
  path: string;
  /** Where the element's text content starts. */
  contentStart: number;
  hasChildren: boolean;
  /** `<entry key="password">…</entry>`: the name its text is stored under. */
  namedBy?: string;
}

const NAME_ATTRIBUTES = ['key', 'name', 'id'];
const VALUE_ATTRIBUTES = ['value', 'password', 'secret'];

/**
 * A tolerant XML scanner (never a validating parser): attributes become entries named after the attribute
 * (`<db password="…">`), `<add key="ApiKey" value="…"/>` and `<property name="x" value="…"/>` become an entry
 * named after the `key`/`name`, and text-only elements (`<password>…</password>`) an entry named after the
 * element. Comments, CDATA, processing instructions and DOCTYPE are handled; mismatched tags are noted.
 */
export function parseXml(text: string): Structure {
  const entries: KeyValueEntry[] = [];
  const stack: OpenElement[] = [];
  const n = text.length;
  let mismatched = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < n) {
    if (text.startsWith('<!--', i)) {
      i = after(text, '-->', i + 4);
    } else if (text.startsWith('<![CDATA[', i)) {
      i = after(text, ']]>', i + 9);
    } else if (text.startsWith('<?', i)) {
      i = after(text, '?>', i + 2);
    } else if (text.startsWith('<!', i)) {
      i = after(text, '>', i + 2);
    } else if (text[i + 1] === '/') {
      const close = text.indexOf('>', i);
      const name = text.slice(i + 2, close < 0 ? n : close).trim();
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth].name !== name) depth--;
      if (depth < 0) {
        mismatched++;
      } else {
        if (depth !== stack.length - 1) mismatched++;
        const element = stack[depth];
        if (!element.hasChildren) textEntry(text, element, i, entries);
        stack.length = depth;
        if (stack.length) stack[stack.length - 1].hasChildren = true;
      }
      i = close < 0 ? n : close + 1;
    } else if (/[A-Za-z_:]/.test(text[i + 1] ?? '')) {
      i = openTag(text, i, stack, entries);
    } else {
      i++;
    }
    if (i >= n) break;
    i = text.indexOf('<', i);
  }
  if (stack.length && stack.some((e) => e.name)) mismatched += stack.length;
  return mismatched
    ? { format: 'xml', entries, malformed: true, note: `XML: ${mismatched} unclosed or mismatched tag(s)` }
    : { format: 'xml', entries, malformed: false };
}

function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** Paths stop growing past this depth, so pathological nesting cannot make them quadratic. */
const MAX_PATH_DEPTH = 64;

function pathOf(stack: OpenElement[], name: string): string {
  const parent = stack[stack.length - 1];
  if (!parent) return name;
  return stack.length > MAX_PATH_DEPTH ? parent.path : `${parent.path}.${name}`;
}

/** Parses `<name attr="v" …>` or `<name … />`; returns the offset after it. */
function openTag(text: string, start: number, stack: OpenElement[], entries: KeyValueEntry[]): number {
  const n = text.length;
  let i = start + 1;
  const nameStart = i;
  while (i < n && /[^\s/>]/.test(text[i])) i++;
  const name = text.slice(nameStart, i);
  const path = pathOf(stack, name);
  const attributes: Array<{ name: string; value: string; start: number; end: number; nameStart: number }> = [];
  let selfClosing = false;
  for (let guard = 0; guard < 10_000 && i < n; guard++) {
    while (i < n && /\s/.test(text[i])) i++;
    const ch = text[i];
    if (ch === '>') {
      i++;
      break;
    }
    if (ch === '/' && text[i + 1] === '>') {
      selfClosing = true;
      i += 2;
      break;
    }
    if (ch === '<') break;
    const attrStart = i;
    while (i < n && /[^\s=/>]/.test(text[i])) i++;
    const attrName = text.slice(attrStart, i);
    while (i < n && /[ \t]/.test(text[i])) i++;
    if (text[i] !== '=') {
      if (i === attrStart) i++;
      continue;
    }
    i++;
    while (i < n && /\s/.test(text[i])) i++;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close < 0) return n;
      attributes.push({ name: attrName, value: decodeEntities(text.slice(i + 1, close)), start: i + 1, end: close, nameStart: attrStart });
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < n && /[^\s>]/.test(text[i])) i++;
      attributes.push({ name: attrName, value: text.slice(valueStart, i), start: valueStart, end: i, nameStart: attrStart });
    }
  }
  const namer = attributes.find((a) => NAME_ATTRIBUTES.includes(a.name.toLowerCase()));
  const valued = attributes.find((a) => VALUE_ATTRIBUTES.includes(a.name.toLowerCase()) && a !== namer);
  // `<add key="SmtpPassword" value="…"/>`: the value is named by the `key` attribute, not "value".
  const renamed = namer && valued && valued.name.toLowerCase() === 'value' && namer.value ? valued : undefined;
  for (const attribute of attributes) {
    const key = attribute === renamed ? namer!.value : attribute.name;
    entries.push({
      key, keyPath: `${path}.${key}`, value: attribute.value, valueStart: attribute.start,
      valueEnd: attribute.end, quoted: true, keyStart: attribute === renamed ? namer!.start : attribute.nameStart,
    });
  }
  if (stack.length) stack[stack.length - 1].hasChildren = true;
  if (!selfClosing) {
    stack.push({ name, path, contentStart: i, hasChildren: false, namedBy: namer && !valued ? namer.value : undefined });
  }
  return i;
}

/** The trimmed text of a text-only element, CDATA unwrapped. */
function textEntry(text: string, element: OpenElement, closeAt: number, entries: KeyValueEntry[]): void {
  let start = element.contentStart;
  let end = closeAt;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return;
  if (text.startsWith('<![CDATA[', start) && text.endsWith(']]>', end)) {
    start += 9;
    end -= 3;
  } else if (text.slice(start, end).includes('<')) {
    return;
  }
  const key = element.namedBy || element.name;
  entries.push({
    key, keyPath: element.namedBy ? `${element.path}.${element.namedBy}` : element.path,
    value: decodeEntities(text.slice(start, end)), valueStart: start, valueEnd: end, quoted: false,
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, code: string) => {
    if (!code.startsWith('#')) return ENTITIES[code] ?? all;
    const point = code.startsWith('#x') ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return point >= 0 && point <= 0x10ffff ? String.fromCodePoint(point) : all;
  });
}
