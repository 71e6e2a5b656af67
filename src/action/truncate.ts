/** GitHub's API and job summary count bytes or UTF-16 units; cut text to fit, never inside a character. */

const ELLIPSIS = '…';

/** At most `maxBytes` bytes of UTF-8, ending in `…` when cut. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end) + ELLIPSIS;
}

/** At most `maxLength` UTF-16 units (JavaScript and GitHub's "characters"), ending in `…` when cut. */
export function truncateChars(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - ELLIPSIS.length;
  // Do not split a surrogate pair.
  if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end) + ELLIPSIS;
}
