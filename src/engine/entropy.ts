/**
 * Reused tables for ASCII input: entropy runs on every candidate value, so it must not allocate. `distinct`
 * lists the characters seen, so that only their counts are summed and reset (not all 128).
 */
const asciiCounts = new Uint32Array(128);
const distinct = new Uint8Array(128);

/** Shannon entropy of a string in bits per character (0 for empty input). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  let kinds = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) {
      for (let k = 0; k < kinds; k++) asciiCounts[distinct[k]] = 0;
      return entropyOfAnyText(value);
    }
    if (asciiCounts[code]++ === 0) distinct[kinds++] = code;
  }
  let entropy = 0;
  for (let k = 0; k < kinds; k++) {
    const code = distinct[k];
    const p = asciiCounts[code] / length;
    asciiCounts[code] = 0;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Slower path for text with non-ASCII characters, counted by code point. */
function entropyOfAnyText(value: string): number {
  const counts = new Map<string, number>();
  let length = 0;
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    length++;
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
