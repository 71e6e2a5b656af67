/** Builds SSH blobs by hand: the key and certificate shapes ssh-keygen cannot make without hardware. */
import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { decodeBase64, encodeBase64 } from '../../src/ssh/index.js';
import { WireWriter } from '../../src/ssh/wire.js';

export const w = () => new WireWriter();

export function blobOf(line: string): Uint8Array {
  const blob = decodeBase64(line.split(' ')[1] ?? '');
  if (!blob) throw new Error(`not a key line: ${line}`);
  return blob;
}

export function lineOf(label: string, blob: Uint8Array): string {
  return `${label} ${encodeBase64(blob)} c`;
}

export const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** An Ed25519 key pair with its raw 32-byte public key. */
export function ed25519Pair(): { privateKey: KeyObject; pk: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, pk: new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url')) };
}

/** A P-256 key pair with its uncompressed point. */
export function p256Pair(): { privateKey: KeyObject; point: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.of(4), Buffer.from(jwk.x ?? '', 'base64url'), Buffer.from(jwk.y ?? '', 'base64url')]);
  return { privateKey, point: new Uint8Array(point) };
}

export const skEd25519Blob = (pk: Uint8Array, application = 'ssh:') =>
  w().string('sk-ssh-ed25519@openssh.com').string(pk).string(application).bytes();

export const skEcdsaBlob = (point: Uint8Array, application = 'ssh:', name = 'sk-ecdsa-sha2-nistp256@openssh.com') =>
  w().string(name).string('nistp256').string(point).string(application).bytes();

/** ECDSA (r, s) as the two SSH mpints OpenSSH expects, from node's IEEE P1363 output. */
function ecdsaMpints(p1363: Uint8Array): Uint8Array {
  const half = p1363.length / 2;
  return w().mpint(p1363.subarray(0, half)).mpint(p1363.subarray(half)).bytes();
}

/** A signer turns the certificate's signed bytes into an SSH signature blob. */
export type Signer = (data: Uint8Array) => Uint8Array;

export function ed25519Signer(privateKey: KeyObject): Signer {
  return (data) => w().string('ssh-ed25519').string(cryptoSign(null, data, privateKey)).bytes();
}

/** sk-ssh-ed25519: signs H(app) || flags || counter || H(data). */
export function skEd25519Signer(privateKey: KeyObject, application = 'ssh:', flags = 1, counter = 7): Signer {
  return (data) => {
    const signed = w().raw(sha256(Buffer.from(application))).u8(flags).u32(counter).raw(sha256(data)).bytes();
    return w().string('sk-ssh-ed25519@openssh.com').string(cryptoSign(null, signed, privateKey)).u8(flags).u32(counter).bytes();
  };
}

/** sk-ecdsa, plain or webauthn: ECDSA over H(app) || flags || counter || exts || H(data or clientData). */
export function skEcdsaSigner(privateKey: KeyObject, webauthn: { origin: string; clientData?: (data: Uint8Array) => string } | null = null, application = 'ssh:'): Signer {
  return (data) => {
    const flags = 1;
    const counter = 3;
    const clientData = webauthn
      ? Buffer.from(
          webauthn.clientData?.(data) ??
            `{"type":"webauthn.get","challenge":"${Buffer.from(data).toString('base64url')}","origin":"${webauthn.origin}","crossOrigin":false}`,
        )
      : null;
    const signed = w()
      .raw(sha256(Buffer.from(application)))
      .u8(flags)
      .u32(counter)
      .raw(sha256(clientData ?? data))
      .bytes();
    const sig = ecdsaMpints(cryptoSign('sha256', signed, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
    const out = w()
      .string(webauthn ? 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com' : 'sk-ecdsa-sha2-nistp256@openssh.com')
      .string(sig)
      .u8(flags)
      .u32(counter);
    if (webauthn && clientData) out.string(webauthn.origin).string(clientData).string(new Uint8Array(0));
    return out.bytes();
  };
}

/** An RSA key pair with its ssh-rsa blob. */
export function rsaPair(bits = 2048): { privateKey: KeyObject; blob: Uint8Array; n: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const jwk = publicKey.export({ format: 'jwk' });
  const n = new Uint8Array(Buffer.from(jwk.n ?? '', 'base64url'));
  const blob = w().string('ssh-rsa').mpint(Buffer.from(jwk.e ?? '', 'base64url')).mpint(n).bytes();
  return { privateKey, blob, n };
}

export function rsaSigner(privateKey: KeyObject, algorithm: 'ssh-rsa' | 'rsa-sha2-256' | 'rsa-sha2-512'): Signer {
  const hash = { 'ssh-rsa': 'sha1', 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' }[algorithm];
  return (data) => w().string(algorithm).string(cryptoSign(hash, data, privateKey)).bytes();
}

export interface CertSpec {
  type: string;
  nonce?: Uint8Array;
  /** The certified key's fields after the type name (and nonce). */
  keyFields: Uint8Array;
  serial?: bigint;
  certType?: number;
  keyId?: string;
  principals?: Uint8Array;
  validAfter?: bigint;
  validBefore?: bigint;
  critical?: Uint8Array;
  extensions?: Uint8Array;
  caBlob: Uint8Array;
  signer: Signer;
}

export function principals(...names: string[]): Uint8Array {
  const out = w();
  for (const n of names) out.string(n);
  return out.bytes();
}

/** Returns the certificate blob and where its signature starts. */
export function buildCert(spec: CertSpec): { blob: Uint8Array; signatureAt: number } {
  const body = w()
    .string(spec.type)
    .string(spec.nonce ?? new Uint8Array(16).fill(9))
    .raw(spec.keyFields)
    .u64(spec.serial ?? 1n)
    .u32(spec.certType ?? 1)
    .string(spec.keyId ?? 'hand-built')
    .string(spec.principals ?? principals('alice'))
    .u64(spec.validAfter ?? 0n)
    .u64(spec.validBefore ?? 0xffffffffffffffffn)
    .string(spec.critical ?? new Uint8Array(0))
    .string(spec.extensions ?? new Uint8Array(0))
    .string(new Uint8Array(0))
    .string(spec.caBlob)
    .bytes();
  return { blob: w().raw(body).string(spec.signer(body)).bytes(), signatureAt: body.length };
}
