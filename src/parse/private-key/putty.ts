/**
 * PuTTY's .ppk files, versions 2 and 3 (PuTTY's sshpubk.c): `Name: value` headers, the public key
 * in the clear under Public-Lines, the private one under Private-Lines, then Private-MAC.
 */
import { decodeBase64 } from '../../ssh/base64.js';
import type { ParsedKey } from './model.js';
import { identifyBlob } from './openssh.js';
import { base64Piece, headerPiece, type Piece } from './pieces.js';

/** Every header PuTTY writes, and the longest line count it would need (a 16384-bit RSA key). */
export const PUTTY_MAX_PIECES = 16 + 2 * 64;

export interface PuttyKey {
  key: ParsedKey;
  /** Index of the Private-MAC piece: where the block ends. */
  lastPiece: number;
}

/**
 * `pieces[0]` is the first line after `PuTTY-User-Key-File-N: type`. Undefined unless every line
 * up to Private-MAC is where PuTTY puts it: a template or a truncated paste is no key.
 */
export function parsePuttyKey(version: '2' | '3', pieces: readonly Piece[]): PuttyKey | undefined {
  const headers = new Map<string, string>();
  const sections = new Map<string, string>();
  for (let index = 0; index < pieces.length; index++) {
    const header = headerPiece(pieces[index]!.text);
    if (!header) return undefined;
    if (header.name === 'Private-MAC') {
      const key = interpret(version, headers, sections);
      return key && { key, lastPiece: index };
    }
    const section = /^(Public|Private)-Lines$/.exec(header.name);
    if (!section) {
      headers.set(header.name, header.value);
      continue;
    }
    const count = Number(header.value);
    const lines = pieces.slice(index + 1, index + 1 + count).map((piece) => base64Piece(piece.text));
    if (!/^\d{1,3}$/.test(header.value) || lines.length !== count || lines.some((line) => line === undefined)) return undefined;
    sections.set(section[1]!, lines.join(''));
    index += count;
  }
  return undefined;
}

function interpret(version: '2' | '3', headers: Map<string, string>, sections: Map<string, string>): ParsedKey | undefined {
  const publicBlob = decodeBase64(sections.get('Public') ?? '');
  const privateBlob = decodeBase64(sections.get('Private') ?? '');
  const cipher = headers.get('Encryption');
  if (!publicBlob?.length || !privateBlob?.length || cipher === undefined) return undefined;
  // A real .ppk always carries a readable public key; placeholder bodies (`AAAA`) are examples, not keys.
  const identity = identifyBlob(publicBlob);
  if (identity.type === undefined) return undefined;
  // Version 2 derives the key from the passphrase with plain SHA-1; version 3 names its Argon2 flavour.
  const kdf = version === '2' ? 'SHA-1' : headers.get('Key-Derivation');
  const encryption = cipher === 'none' ? { encrypted: false as const } : { encrypted: true as const, cipher, ...(kdf ? { kdf } : {}) };
  return { format: version === '2' ? 'putty-v2' : 'putty-v3', encryption, ...identity };
}
