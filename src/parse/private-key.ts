/**
 * Finds private keys in any text: key files, but also keys pasted into YAML, shell, .env, JSON
 * (one line with `\n` escapes) or Terraform state. Only whole keys count: a BEGIN/END pair around
 * `...`, `{{ vault_key }}` or a truncated body is a template or an example, and says nothing.
 */
import type { ParsedKey, PrivateKeyBlock } from './private-key/model.js';
import { parsePemKey, type PemLabel } from './private-key/pem.js';
import { splitPieces, isDecoration, undecorate } from './private-key/pieces.js';
import { parsePuttyKey, PUTTY_MAX_PIECES } from './private-key/putty.js';
import { parseSshComKey } from './private-key/ssh-com.js';

export * from './private-key/model.js';

const SSH_COM_END = '---- END SSH2 ENCRYPTED PRIVATE KEY ----';
const BEGIN =
  /-----BEGIN ((?:OPENSSH |RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY)-----|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----|PuTTY-User-Key-File-([23]): *[a-z0-9@.-]+/g;
/** A 16384-bit RSA key is 13 KB of PEM; room for indentation and escapes, but no unbounded search. */
const MAX_ARMOUR_CHARS = 128 * 1024;

interface Found {
  key: ParsedKey;
  end: number;
}

/** Every whole private key in `text`, in order, with exact positions. */
export function findPrivateKeys(text: string): PrivateKeyBlock[] {
  const keys: PrivateKeyBlock[] = [];
  const position = positionsIn(text);
  BEGIN.lastIndex = 0;
  for (let match = BEGIN.exec(text); match; match = BEGIN.exec(text)) {
    const begin = match.index;
    const afterMarker = begin + match[0].length;
    const found = match[2] ? findPutty(text, match[2] as '2' | '3', afterMarker) : findArmoured(text, match[1] as PemLabel | undefined, afterMarker);
    if (!found) continue;
    const start = position(begin);
    const end = position(found.end);
    keys.push({ ...found.key, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    BEGIN.lastIndex = found.end;
  }
  return keys;
}

/** PEM or ssh.com armour: the body runs to the matching END marker. */
function findArmoured(text: string, label: PemLabel | undefined, afterMarker: number): Found | undefined {
  const endMarker = label ? `-----END ${label}-----` : SSH_COM_END;
  const endAt = text.indexOf(endMarker, afterMarker);
  if (endAt === -1 || endAt - afterMarker > MAX_ARMOUR_CHARS) return undefined;
  const pieces = splitPieces(text, afterMarker, endAt);
  const key = label ? parsePemKey(label, pieces) : parseSshComKey(pieces);
  return key && { key, end: endAt + endMarker.length };
}

/** PuTTY: line after line, up to Private-MAC. */
function findPutty(text: string, version: '2' | '3', afterMarker: number): Found | undefined {
  const [rest, ...pieces] = splitPieces(text, afterMarker, Math.min(text.length, afterMarker + MAX_ARMOUR_CHARS), PUTTY_MAX_PIECES + 1);
  if (rest === undefined || !isDecoration(undecorate(rest.text))) return undefined;
  const putty = parsePuttyKey(version, pieces);
  if (!putty) return undefined;
  const mac = pieces[putty.lastPiece]!;
  // The block ends with the MAC's hex digits, before any closing quote.
  const macText = /^.*?Private-MAC: ?[0-9a-fA-F]*/.exec(mac.text)?.[0] ?? mac.text;
  return { key: putty.key, end: mac.start + macText.length };
}

/** Offset → 1-based line and column, lines split on LF as in SourceFile. */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    lineStarts ??= lineStartsOf(text);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) starts.push(lf + 1);
  return starts;
}
