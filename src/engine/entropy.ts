/** Reused count table for ASCII input: entropy runs on every candidate value, so it must not allocate. */
const asciiCounts = new Uint32Array(128);

/** Shannon entropy of a string in bits per character (0 for empty input). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) {
    if (value.charCodeAt(i) >= 128) return entropyOfAnyText(value);
  }
  asciiCounts.fill(0);
  for (let i = 0; i < length; i++) asciiCounts[value.charCodeAt(i)]++;
  let entropy = 0;
  for (let c = 0; c < 128; c++) {
    const count = asciiCounts[c];
    if (count > 0) {
      const p = count / length;
      entropy -= p * Math.log2(p);
    }
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
