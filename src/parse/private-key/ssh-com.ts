/**
 * ssh.com's private key format (`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`, also written by
 * `puttygen -O private-sshcom`): RFC 4716-style headers, then a blob that names its cipher,
 * "none" despite the armour's ENCRYPTED. Layout as PuTTY's import.c reads it.
 */
import { decodeBase64 } from '../../ssh/base64.js';
import { WireReader, WireWriter } from '../../ssh/wire.js';
import type { KeyIdentity, ParsedKey } from './model.js';
import { identifyBlob } from './openssh.js';
import { base64Piece, headerPiece, type Piece } from './pieces.js';

const MAGIC = 0x3f6ff9eb;

export function parseSshComKey(pieces: readonly Piece[]): ParsedKey | undefined {
  let base64 = '';
  let continued = false;
  for (const { text } of pieces) {
    // A header value ending in a backslash goes on on the next line (RFC 4716 §3.3).
    const header: { value: string } | undefined = continued ? { value: text } : headerPiece(text);
    if (header) {
      continued = header.value.trimEnd().endsWith('\\');
      continue;
    }
    const digits = base64Piece(text);
    if (digits === undefined) return undefined;
    base64 += digits;
  }
  const blob = decodeBase64(base64);
  if (!blob) return undefined;
  const reader = new WireReader(blob);
  const magic = reader.u32();
  const length = reader.u32();
  const keyType = reader.cstring();
  const cipher = reader.cstring();
  const data = reader.string();
  if (magic !== MAGIC || length !== blob.length || keyType === null || cipher === null || !data?.length) return undefined;
  const type = keyType.startsWith('if-modn{sign{rsa') ? 'ssh-rsa' : keyType.startsWith('dl-modp{sign{dsa') ? 'ssh-dss' : undefined;
  if (cipher !== 'none') return { format: 'ssh-com', encryption: { encrypted: true, cipher }, ...(type ? { type } : {}) };
  return { format: 'ssh-com', encryption: { encrypted: false }, ...(type ? (publicIdentity(type, data) ?? { type }) : {}) };
}

/**
 * The public half of an unencrypted key. The data is a length, then ssh.com integers (a bit
 * count, then the bytes): RSA e, d, n, …; DSA a zero word, then p, g, q, y, x.
 */
function publicIdentity(type: 'ssh-rsa' | 'ssh-dss', data: Uint8Array): KeyIdentity | undefined {
  const reader = new WireReader(data);
  reader.u32();
  if (type === 'ssh-dss' && reader.u32() !== 0) return undefined;
  const integers = Array.from({ length: 4 }, () => readSshComInteger(reader));
  if (integers.some((integer) => integer === undefined)) return undefined;
  const [a, b, c, d] = integers as Uint8Array[];
  const order = type === 'ssh-rsa' ? [a!, c!] : [a!, c!, b!, d!];
  return identifyBlob(order.reduce((writer, integer) => writer.mpint(integer), new WireWriter().string(type)).bytes());
}

function readSshComInteger(reader: WireReader): Uint8Array | undefined {
  const bits = reader.u32();
  if (bits === null || bits > 16384) return undefined;
  // WireReader has no fixed-length read: byte by byte (at most 2 KiB).
  const bytes = Array.from({ length: Math.ceil(bits / 8) }, () => reader.u8());
  return bytes.some((byte) => byte === null) ? undefined : Uint8Array.from(bytes as number[]);
}
