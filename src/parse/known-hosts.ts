/**
 * known_hosts, read as ssh reads it (hostfile.c `hostkeys_foreach_file`, `check_markers`,
 * `match_maybe_hashed`): `[@marker] hostpatterns keytype base64 [comment]`. A bad line is
 * skipped (logged only at verbose/debug level), so the host it was meant for is "unknown".
 */
import type { SourceFile } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import { decodeBase64 } from '../ssh/base64.js';
import { diagnoseKeyFailure } from './diagnose-key-line.js';
import { NO_OPTIONS, atLine, type HashedHostField, type KeyFileModel, type KeyLine, type KnownHostsFields, type LineVerdict } from './key-file-model.js';
import { attachMultiLineRejections } from './multi-line.js';
import { findPastedBlocks } from './pasted-blocks.js';
import { readKey, skipBlanks, tokenEnd } from './read-key.js';

const HASH_MAGIC = '|1|';
const SHA1_LENGTH = 20;

/** `extract_salt`: `|1|<base64 salt of 20 bytes>|…`; undefined for anything else, a "bad host hash". */
function parseHashedHost(hosts: string): HashedHostField | undefined {
  if (!hosts.startsWith(HASH_MAGIC)) return undefined;
  const end = hosts.indexOf('|', HASH_MAGIC.length);
  if (end === -1) return undefined;
  const saltText = hosts.slice(HASH_MAGIC.length, end);
  if (saltText.length === 0 || saltText.length > 1024) return undefined;
  const salt = decodeBase64(saltText);
  return salt?.length === SHA1_LENGTH ? { saltText, salt, hash: hosts.slice(end + 1) } : undefined;
}

export function parseKnownHostsLine(text: string, version: OpenSSHVersion): LineVerdict {
  let at = skipBlanks(text, 0);
  if (at === text.length || text[at] === '#') return { status: 'ignored' };
  let marker: KnownHostsFields['marker'];
  if (text[at] === '@') {
    // check_markers ends the marker at the first space anywhere on the line, and only looks
    // for a tab when there is no space at all: `@revoked<TAB>host ssh-…` is an invalid marker.
    let end = text.indexOf(' ', at);
    if (end === -1) end = text.indexOf('\t', at);
    const range = { start: at, end: end === -1 ? tokenEnd(text, at) : end };
    const name = text.slice(range.start, range.end);
    if (end === -1 || (name !== '@cert-authority' && name !== '@revoked')) {
      return { status: 'rejected', rejection: { code: 'invalid-marker', range } };
    }
    at = skipBlanks(text, end);
    if (text[at] === '@') return { status: 'rejected', rejection: { code: 'invalid-marker', range: { start: at, end: tokenEnd(text, at) } } };
    marker = { name, range };
  }
  const hostsEnd = tokenEnd(text, at);
  const hosts: KnownHostsFields['hosts'] = { text: text.slice(at, hostsEnd), range: { start: at, end: hostsEnd } };
  if (hosts.text.startsWith('|')) {
    const hashed = parseHashedHost(hosts.text);
    if (!hashed) return { status: 'rejected', rejection: { code: 'bad-hash', range: hosts.range } };
    hosts.hashed = hashed;
  }
  const keyStart = skipBlanks(text, hostsEnd);
  if (keyStart === text.length || text[keyStart] === '#') {
    return { status: 'rejected', rejection: { code: 'missing-key', range: hosts.range } };
  }
  const key = readKey(text, keyStart, version);
  if (!key.ok) {
    const first = text.slice(keyStart, tokenEnd(text, keyStart));
    // `host 1024 35 8923…`: an SSH-1 RSA key, which nothing has read since OpenSSH 7.4.
    if (/^\d{1,7}$/.test(first)) return { status: 'rejected', rejection: { code: 'ssh1-key', range: { start: keyStart, end: text.length } } };
    return { status: 'rejected', rejection: diagnoseKeyFailure(text, key.failure, version) };
  }
  return { status: 'parsed', entry: { key: key.field, options: NO_OPTIONS, knownHosts: marker ? { marker, hosts } : { hosts } } };
}

export function parseKnownHosts(source: SourceFile, version: OpenSSHVersion): KeyFileModel {
  // ssh does not strip a BOM: it becomes part of the first line's first field.
  const lines: KeyLine[] = source.lines.map((line) =>
    atLine(parseKnownHostsLine(line.number === 1 && source.hasBom ? `\uFEFF${line.text}` : line.text, version), line),
  );
  const blocks = findPastedBlocks(source.lines);
  return { kind: 'known_hosts', source, lines: attachMultiLineRejections(lines, blocks, version), blocks };
}
