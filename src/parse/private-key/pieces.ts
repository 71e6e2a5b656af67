/**
 * Key armour as it appears inside other files: one line per armour line, or one string with `\n`
 * escapes (JSON, Terraform state), each line possibly indented (YAML), quoted, commented out or
 * joined with `+` (code). A "piece" is one armour line with its offsets in the file's text.
 */

export interface Piece {
  text: string;
  /** Offset of the piece's first character in the file's text. */
  start: number;
  end: number;
}

/**
 * A real line break, or an escaped one (`\n`, `\r\n`, and doubly escaped `\\n` in JSON inside JSON).
 * A match starts only where a run of backslashes starts, and takes each run whole (a lookahead
 * capture is atomic), so a long run of backslashes costs linear time, not quadratic.
 */
const SEPARATOR = /\r?\n|(?<!\\)(?=(\\+))\1(?:r(?=(\\+))\2)?n/g;

/** The pieces of `text` from `start` to `end`, at most `limit` of them. */
export function splitPieces(text: string, start: number, end: number, limit = Infinity): Piece[] {
  const pieces: Piece[] = [];
  SEPARATOR.lastIndex = start;
  let at = start;
  while (pieces.length < limit) {
    const match = SEPARATOR.exec(text);
    const pieceEnd = match === null || match.index >= end ? end : match.index;
    pieces.push({ text: text.slice(at, pieceEnd), start: at, end: pieceEnd });
    if (pieceEnd === end) break;
    at = match!.index + match![0].length;
  }
  return pieces;
}

/**
 * What may surround the armour on a line: indentation, quotes, comment leaders, a `+` joining
 * strings. `/` and `+` are base64 digits, so they only count when whitespace or a quote follows.
 */
const LEADING_DECORATION = /^(?:[\s#;*>"'`]|\+(?=[\s"'`]|$)|\/\/(?=\s))*/;
/** After the content: a closing quote and anything after it, or separators and a line continuation. */
const TRAILING_DECORATION = /^(?:["'`][^]*|[\s,;\\]*)$/;

/** The piece without what may precede the armour on its line. */
export function undecorate(piece: string): string {
  return piece.replace(LEADING_DECORATION, '').replaceAll('\\/', '/');
}

/** What follows the armour's content on its line is only decoration. */
export function isDecoration(rest: string): boolean {
  return TRAILING_DECORATION.test(rest);
}

/** Base64 digits; spaces inside count, for keys whose line breaks were turned into spaces. */
const BASE64_RUN = /^[A-Za-z0-9+/=](?:[A-Za-z0-9+/= \t]*[A-Za-z0-9+/=])?/;

/** The base64 at the start of `text` ('' when none). */
export function base64Prefix(text: string): string {
  return BASE64_RUN.exec(text)?.[0] ?? '';
}

/** A piece that is only base64 (and decoration), or undefined. */
export function base64Piece(piece: string): string | undefined {
  const text = undecorate(piece);
  const digits = base64Prefix(text);
  return isDecoration(text.slice(digits.length)) ? digits : undefined;
}

/** A piece that is one `Name: value` header (PuTTY, ssh.com), or undefined. */
export function headerPiece(piece: string): { name: string; value: string } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9-]*): ?(.*)$/.exec(undecorate(piece));
  return match ? { name: match[1]!, value: stripQuoteTail(match[2]!) } : undefined;
}

/** `Encryption: none",` inside a quoted string: the value ends at the closing quote. */
function stripQuoteTail(value: string): string {
  return value.replace(/["'`][\s,;+)]*$/, '').trim();
}
