/** Shared pieces of the scripts that regenerate parts of README.md between marker comments. */

/** Text made safe for one Markdown table cell: line breaks become spaces, pipes are escaped. */
export function tableCell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * Returns `readme` with the text between `startMarker` and `endMarker` replaced by `body`.
 * @throws Error when the markers are missing or out of order.
 */
export function replaceBetweenMarkers(readme: string, startMarker: string, endMarker: string, body: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md needs ${startMarker} and ${endMarker} markers, in that order`);
  return `${readme.slice(0, start + startMarker.length)}\n${body}\n${readme.slice(end)}`;
}
