/**
 * PEM armour (RFC 7468) around a private key: PKCS#1/SEC 1/DSA "traditional" keys, with or
 * without RFC 1421 encryption headers, PKCS#8, and OpenSSH's own format, which shares the armour.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase64 } from '../../ssh/base64.js';
import { WireWriter } from '../../ssh/wire.js';
import { dsaPublicIntegers, isWholeSequence } from '../der.js';
import type { KeyIdentity, ParsedKey, PrivateKeyFormat } from './model.js';
import { identifyBlob, parseOpensshKey } from './openssh.js';
import { base64Prefix, isDecoration, undecorate, type Piece } from './pieces.js';

export const PEM_LABELS = ['OPENSSH PRIVATE KEY', 'RSA PRIVATE KEY', 'DSA PRIVATE KEY', 'EC PRIVATE KEY', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'] as const;
export type PemLabel = (typeof PEM_LABELS)[number];

const TRADITIONAL: Partial<Record<PemLabel, PrivateKeyFormat>> = { 'RSA PRIVATE KEY': 'pem-rsa', 'DSA PRIVATE KEY': 'pem-dsa', 'EC PRIVATE KEY': 'pem-ec' };
/** RFC 1421 headers; their values hold no spaces, so they can be told apart in a key joined onto one line. */
const RFC1421_HEADER = /^(Proc-Type|DEK-Info): ?(\S+)\s*/;
/** The smallest encrypted traditional key (P-256, 121 bytes) pads to 128; a shorter body is a placeholder. */
const MIN_ENCRYPTED_BYTES = 64;

/** The key between `-----BEGIN label-----` and its END marker, or undefined when it is not a whole key. */
export function parsePemKey(label: PemLabel, pieces: readonly Piece[]): ParsedKey | undefined {
  const body = readBody(pieces);
  const der = body && decodeBase64(body.base64);
  if (!body || !der || der.length === 0) return undefined;
  if (label === 'OPENSSH PRIVATE KEY') return parseOpensshKey(der);
  if (label === 'ENCRYPTED PRIVATE KEY') return isWholeSequence(der) ? { format: 'pkcs8-encrypted', encryption: { encrypted: true } } : undefined;
  const format = TRADITIONAL[label] ?? 'pkcs8';
  if (body.headers.get('Proc-Type') === '4,ENCRYPTED') {
    const dekInfo = /^([A-Z0-9-]+),[0-9A-Fa-f]{16,32}$/.exec(body.headers.get('DEK-Info') ?? '');
    if (!dekInfo || der.length < MIN_ENCRYPTED_BYTES || der.length % 8 !== 0) return undefined;
    // EVP_BytesToKey with one round of MD5: guessing passphrases offline is fast.
    return { format, encryption: { encrypted: true, cipher: dekInfo[1]!, kdf: 'MD5' }, ...typeFromLabel(format) };
  }
  const key = isWholeSequence(der) ? loadKey(label, body.base64) : undefined;
  return key && { format, encryption: { encrypted: false }, ...identifyKeyObject(key) };
}

interface PemBody {
  headers: Map<string, string>;
  base64: string;
}

function readBody(pieces: readonly Piece[]): PemBody | undefined {
  const headers = new Map<string, string>();
  let base64 = '';
  for (const piece of pieces) {
    let text = undecorate(piece.text);
    for (let header = RFC1421_HEADER.exec(text); header; header = RFC1421_HEADER.exec(text)) {
      headers.set(header[1]!, header[2]!);
      text = text.slice(header[0].length);
    }
    const digits = base64Prefix(text);
    if (!isDecoration(text.slice(digits.length))) return undefined;
    base64 += digits;
  }
  return { headers, base64 };
}

function typeFromLabel(format: PrivateKeyFormat): KeyIdentity {
  return format === 'pem-rsa' ? { type: 'ssh-rsa' } : format === 'pem-dsa' ? { type: 'ssh-dss' } : {};
}

/** OpenSSL's own reading: a body it cannot load is a placeholder or a broken paste. */
function loadKey(label: PemLabel, base64: string): KeyObject | undefined {
  const lines = base64.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  try {
    return createPrivateKey(`-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`);
  } catch {
    return undefined;
  }
}

const SSH_CURVES: Readonly<Record<string, string>> = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' };

/** The public half as an SSH key (type, size, fingerprint), or the algorithm when SSH has no such key type. */
export function identifyKeyObject(key: KeyObject): KeyIdentity {
  const blob = sshPublicBlob(createPublicKey(key));
  if (blob) return identifyBlob(blob);
  const details = key.asymmetricKeyDetails;
  const bits = details?.modulusLength;
  return { type: details?.namedCurve ?? key.asymmetricKeyType ?? 'unknown', ...(bits ? { bits } : {}) };
}

function sshPublicBlob(publicKey: KeyObject): Uint8Array | undefined {
  const writer = new WireWriter();
  const bytes = (value: string | undefined): Uint8Array => Buffer.from(value ?? '', 'base64url');
  switch (publicKey.asymmetricKeyType) {
    case 'rsa': {
      const jwk = publicKey.export({ format: 'jwk' });
      return writer.string('ssh-rsa').mpint(bytes(jwk.e)).mpint(bytes(jwk.n)).bytes();
    }
    case 'ec': {
      const jwk = publicKey.export({ format: 'jwk' });
      const curve = SSH_CURVES[jwk.crv ?? ''];
      if (!curve) return undefined;
      const point = Buffer.concat([Uint8Array.of(4), bytes(jwk.x), bytes(jwk.y)]);
      return writer.string(`ecdsa-sha2-${curve}`).string(curve).string(point).bytes();
    }
    case 'ed25519':
      return writer.string('ssh-ed25519').string(bytes(publicKey.export({ format: 'jwk' }).x)).bytes();
    case 'dsa': {
      const integers = dsaPublicIntegers(publicKey.export({ type: 'spki', format: 'der' }));
      return integers && integers.reduce((w, integer) => w.mpint(integer), writer.string('ssh-dss')).bytes();
    }
    default:
      return undefined;
  }
}
