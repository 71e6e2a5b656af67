/**
 * authorized_keys, read as sshd reads it (auth2-pubkeyfile.c `auth_check_authkey_line`):
 * try `keytype base64 [comment]`; failing that, take the first token as options (running to
 * the first blank outside double quotes) and read the key after it; then parse the options.
 * A line that fails anywhere is skipped, silently at sshd's default log level.
 */
import type { SourceFile } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import { diagnoseAuthorizedKeysLine } from './diagnose-key-line.js';
import { NO_OPTIONS, atLine, type KeyFileModel, type KeyLine, type LineVerdict } from './key-file-model.js';
import { attachMultiLineRejections } from './multi-line.js';
import { parseKeyOptions } from './key-options.js';
import { optionsFieldEnd, readOptionsThenKey } from './options-then-key.js';
import { findPastedBlocks } from './pasted-blocks.js';
import { readKey, skipBlanks, type ReadKeyFailure } from './read-key.js';

/**
 * OpenSSH handles each line as a C string: `getline` reads on to the \n, but every string
 * function stops at a NUL, so nothing after one is seen (a line that starts with a NUL is empty).
 */
function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

export function parseAuthorizedKeysLine(line: string, version: OpenSSHVersion): LineVerdict {
  const text = cString(line);
  const start = skipBlanks(text, 0);
  if (start === text.length || text[start] === '#') return { status: 'ignored' };
  const direct = readKey(text, start, version);
  if (direct.ok) return { status: 'parsed', entry: { key: direct.field, options: NO_OPTIONS } };
  const fallback = readOptionsThenKey(text, start, version);
  if (!fallback?.key.ok || !fallback.options) {
    return { status: 'rejected', rejection: diagnoseAuthorizedKeysLine(text, start, version, direct.failure) };
  }
  if (!fallback.options.ok) return { status: 'rejected', rejection: { code: 'option', error: fallback.options.error } };
  return {
    status: 'parsed',
    entry: { key: fallback.key.field, options: fallback.options.options, optionsRange: { start, end: fallback.optionsEnd } },
  };
}

/**
 * `strtol(cp, &ep, 10)` in `do_fingerprint`, stored in an int: a non-zero number followed by a
 * blank (an SSH1 `bits` field) makes ssh-keygen read the key from the number on, which fails.
 * strtol skips C white space and takes a sign, clamps to the 64-bit range, and the int keeps
 * the low 32 bits (so 4294967296 counts as 0, and the token is skipped after all).
 */
function startsWithNonZeroNumber(text: string, start: number): boolean {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text.slice(start));
  if (!match) return false;
  const after = text[start + match[0].length];
  if (after !== ' ' && after !== '\t') return false;
  const max = (1n << 63n) - 1n;
  let value = BigInt(match[1]!);
  if (value > max) value = max;
  if (value < -max - 1n) value = -max - 1n;
  return BigInt.asIntN(32, value) !== 0n;
}

/**
 * A .pub line as `ssh-keygen -l` reads it (ssh-keygen.c `do_fingerprint`): a bare key
 * (`sshkey_read`), or else the key after the line's first token. That token (options, a host
 * name, anything) is skipped as `sshkey_advance_past_options` skips options, but never parsed,
 * so options sshd would reject do not make the line fail. Unlike sshd, a token that is a
 * non-zero number followed by a blank is not skipped, a token that runs to the end of the line
 * fails even outside quotes, and exactly one blank after the token is skipped (`*cp++ = '\0'`),
 * so a second blank leaves an empty key type. With `bom`, the line is the first of a file that
 * starts with a UTF-8 BOM: ssh-keygen reads the BOM as the start of the first token.
 */
export function parsePublicKeyLine(line: string, version: OpenSSHVersion, bom = false): LineVerdict {
  const text = cString(line);
  const start = bom ? 0 : skipBlanks(text, 0);
  let failure: ReadKeyFailure | undefined; // of the bare-key read (none with a BOM: it cannot succeed)
  if (!bom) {
    if (start === text.length || text[start] === '#') return { status: 'ignored' };
    const direct = readKey(text, start, version);
    if (direct.ok) return { status: 'parsed', entry: { key: direct.field, options: NO_OPTIONS } };
    failure = direct.failure;
  }
  if (bom || !startsWithNonZeroNumber(text, start)) {
    const tokenEnd = optionsFieldEnd(text, start);
    if (tokenEnd !== -1 && tokenEnd < text.length) {
      const key = readKey(text, tokenEnd + 1, version);
      if (key.ok) {
        const options = parseKeyOptions(text, start, version);
        return {
          status: 'parsed',
          entry: { key: key.field, options: options.ok ? options.options : NO_OPTIONS, optionsRange: { start, end: tokenEnd } },
        };
      }
    }
  }
  if (!failure) return { status: 'rejected', rejection: { code: 'bom' } };
  return { status: 'rejected', rejection: diagnoseAuthorizedKeysLine(text, start, version, failure) };
}

/**
 * authorized_keys as sshd reads it; *.pub files, which hold the same one-line format, as
 * `ssh-keygen -l` reads them (options are skipped, not checked).
 */
export function parseAuthorizedKeys(
  source: SourceFile,
  version: OpenSSHVersion,
  kind: 'authorized_keys' | 'public_key' = 'authorized_keys',
): KeyFileModel {
  const lines: KeyLine[] = source.lines.map((line) => {
    const bom = line.number === 1 && source.hasBom;
    if (kind === 'public_key') return atLine(parsePublicKeyLine(line.text, version, bom), line);
    // sshd does not strip a BOM: the first line is then neither blank nor a comment, and never parses.
    return bom ? { status: 'rejected', line, rejection: { code: 'bom' } } : atLine(parseAuthorizedKeysLine(line.text, version), line);
  });
  const blocks = findPastedBlocks(source.lines);
  return { kind, source, lines: attachMultiLineRejections(lines, blocks, version), blocks };
}
