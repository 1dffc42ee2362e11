import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { KeyValueEntry, Structure } from './types';
import { joinPath } from './yaml';

/**
 * Parses JSON and JSONC (comments, trailing commas) with jsonc-parser, which keeps every node's offset.
 * Each scalar becomes an entry; string offsets exclude the quotes. A broken file still yields the entries
 * jsonc-parser recovered, flagged malformed.
 */
export function parseJson(text: string): Structure {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    return { format: 'json', entries: [], malformed: true, note: `JSON parse failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const entries: KeyValueEntry[] = [];
  if (root) collect(text, root, entries);
  if (errors.length === 0) return { format: 'json', entries, malformed: false };
  const first = errors[0];
  const line = lineOf(text, first.offset);
  return { format: 'json', entries, malformed: true, note: `JSON parse error at line ${line}: ${printParseErrorCode(first.error)}` };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Walks the tree without recursion so that deeply nested input cannot overflow the stack. */
function collect(text: string, root: Node, entries: KeyValueEntry[]): void {
  const work: Array<{ node: Node; key: string; path: string; keyStart?: number }> = [{ node: root, key: '', path: '' }];
  while (work.length) {
    const { node, key, path, keyStart } = work.pop()!;
    if (node.type === 'object') {
      const children = node.children ?? [];
      for (let c = children.length - 1; c >= 0; c--) {
        const property = children[c];
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const name = String(keyNode.value ?? '');
        work.push({ node: valueNode, key: name, path: joinPath(path, name), keyStart: keyNode.offset });
      }
    } else if (node.type === 'array') {
      const children = node.children ?? [];
      for (let c = children.length - 1; c >= 0; c--) {
        work.push({ node: children[c], key, path: `${path}[${c}]` });
      }
    } else if (node.type === 'string') {
      // An unterminated string has no closing quote: its value runs to the node's end.
      const end = node.offset + node.length;
      const closed = node.length >= 2 && text[end - 1] === '"';
      entries.push({
        key, keyPath: path, value: String(node.value ?? ''), valueStart: Math.min(node.offset + 1, end),
        valueEnd: closed ? end - 1 : end, quoted: true, keyStart,
      });
    } else {
      entries.push({
        key, keyPath: path, value: text.slice(node.offset, node.offset + node.length), valueStart: node.offset,
        valueEnd: node.offset + node.length, quoted: false, keyStart,
      });
    }
  }
}
