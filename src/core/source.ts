/**
 * A file's text split the way OpenSSH reads it: `getline()` splits on LF only, so a CR
 * before the LF is remembered (`crlf`) but a lone CR stays inside the line.
 */
export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** The line without its LF, and without the CR of a CRLF ending. */
  text: string;
  crlf: boolean;
}

export interface SourceFile {
  /** Display path (relative, `/` separators). */
  path: string;
  /** Decoded text, BOM removed. */
  text: string;
  /** The file started with a UTF-8 byte-order mark (removed from `text`). */
  hasBom: boolean;
  lines: SourceLine[];
}

export function createSourceFile(path: string, text: string, hasBom = false): SourceFile {
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    hasBom = true;
  }
  const lines: SourceLine[] = [];
  let start = 0;
  let number = 1;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const end = lf === -1 ? text.length : lf;
    const crlf = lf !== -1 && end > start && text.charCodeAt(end - 1) === 13;
    lines.push({ number, text: text.slice(start, crlf ? end - 1 : end), crlf });
    number++;
    start = end + 1;
  }
  return { path, text, hasBom, lines };
}
