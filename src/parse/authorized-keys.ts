/**
 * authorized_keys, read as sshd reads it (auth2-pubkeyfile.c `auth_check_authkey_line`):
 * try `keytype base64 [comment]`; failing that, take the first token as options (running to
 * the first blank outside double quotes) and read the key after it; then parse the options.
 * A line that fails anywhere is skipped, silently at sshd's default log level.
 */
import type { SourceFile } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import { diagnoseAuthorizedKeysLine } from './diagnose-key-line.js';
import type { KeyFileModel, KeyLine, LineVerdict } from './key-file-model.js';
import { attachMultiLineRejections } from './multi-line.js';
import { readOptionsThenKey } from './options-then-key.js';
import { findPastedBlocks } from './pasted-blocks.js';
import { readKey, skipBlanks } from './read-key.js';

export function parseAuthorizedKeysLine(text: string, version: OpenSSHVersion): LineVerdict {
  const start = skipBlanks(text, 0);
  if (start === text.length || text[start] === '#') return { status: 'ignored' };
  const direct = readKey(text, start, version);
  if (direct.ok) return { status: 'parsed', entry: { key: direct.field, options: [] } };
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

/** authorized_keys, and *.pub files, which hold the same one-line format (ssh-keygen reads them alike). */
export function parseAuthorizedKeys(
  source: SourceFile,
  version: OpenSSHVersion,
  kind: 'authorized_keys' | 'public_key' = 'authorized_keys',
): KeyFileModel {
  const lines: KeyLine[] = source.lines.map((line) =>
    // sshd does not strip a BOM: the first line is then neither blank nor a comment, and never parses.
    line.number === 1 && source.hasBom
      ? { status: 'rejected', line, rejection: { code: 'bom' } }
      : { ...parseAuthorizedKeysLine(line.text, version), line },
  );
  const blocks = findPastedBlocks(source.lines);
  return { kind, source, lines: attachMultiLineRejections(lines, blocks), blocks };
}
