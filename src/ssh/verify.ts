/**
 * Certificate signature checks, as each OpenSSH `*_verify` function makes them when
 * `cert_parse` calls `sshkey_verify(ca, sig, signed_data, alg = NULL)`.
 *
 * RSA and DSA run on bigints so every OpenSSL failure path (which OpenSSH reports
 * differently from a mere mismatch) is reproduced; ECDSA and Ed25519 use node:crypto.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { bitLength, mod, modInverse, modPow, toBigInt, toBytes } from './bigint.js';
import { CURVES, type Curve } from './ec.js';
import type { EcCurve } from './key-types.js';
import { WIRE_ERROR_TEXT, WireReader, WireWriter } from './wire.js';

/** The public key numbers a CA key contributes to verification. */
export type KeyMaterial =
  | { family: 'rsa'; e: bigint; n: bigint; /** RSA_size() */ size: number }
  | { family: 'dss'; p: bigint; q: bigint; g: bigint; y: bigint }
  | { family: 'ecdsa'; name: string; curve: EcCurve; point: Uint8Array }
  | { family: 'ed25519'; pk: Uint8Array }
  | { family: 'ed25519-sk'; pk: Uint8Array; application: Uint8Array }
  | { family: 'ecdsa-sk'; point: Uint8Array; application: Uint8Array }
  | { family: 'mldsa44-ed25519' };

export type VerifyResult =
  | { ok: true; algorithm: string }
  | { ok: false; reason: string; openssh: string; unsupported?: true };

/** sshkey.h SSH_KEY_MAX_SIGN_DATA_SIZE. */
const MAX_SIGNED_DATA = 1 << 20;

const FORMAT = 'invalid format';
const MISMATCH = 'key type does not match';
const TRAILING = 'unexpected bytes remain after decoding';
const INCORRECT = 'incorrect signature';
const LIBCRYPTO = 'error in libcrypto';

const failed = (reason: string, openssh: string): VerifyResult => ({ ok: false, reason, openssh });
const malformed = (what: string) => failed(`the ${what} signature blob is malformed`, FORMAT);
const trailing = (what: string) => failed(`bytes follow the ${what} signature`, TRAILING);
const incorrect = failed('the CA signature does not match the certificate', INCORRECT);

export function verifySignature(key: KeyMaterial, sig: Uint8Array, data: Uint8Array): VerifyResult {
  if (sig.length === 0) return failed('the certificate signature is empty', 'invalid argument');
  if (data.length > MAX_SIGNED_DATA) return failed('the signed part of the certificate is over 1 MiB', 'invalid argument');
  switch (key.family) {
    case 'rsa':
      return verifyRsa(key, sig, data);
    case 'dss':
      return verifyDss(key, sig, data);
    case 'ecdsa':
      return verifyEcdsa(key, sig, data);
    case 'ed25519':
      return verifyEd25519(key.pk, sig, data);
    case 'ed25519-sk':
      return verifyEd25519Sk(key, sig, data);
    case 'ecdsa-sk':
      return verifyEcdsaSk(key, sig, data);
    case 'mldsa44-ed25519':
      return { ok: false, unsupported: true, reason: 'ML-DSA-44 signatures cannot be verified by this Node.js', openssh: '' };
  }
}

const sha = (hash: string, ...parts: Uint8Array[]) => {
  const h = createHash(hash);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

// ---- RSA (ssh-rsa.c) ------------------------------------------------------

/** DigestInfo prefixes OpenSSH compares against (with the NULL parameters). */
const RSA_ALGORITHMS = new Map([
  ['ssh-rsa', { hash: 'sha1', prefix: '3021300906052b0e03021a05000414' }],
  ['rsa-sha2-256', { hash: 'sha256', prefix: '3031300d060960864801650304020105000420' }],
  ['rsa-sha2-512', { hash: 'sha512', prefix: '3051300d060960864801650304020305000440' }],
]);

function verifyRsa(key: Extract<KeyMaterial, { family: 'rsa' }>, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  if (algorithm === null) return malformed('RSA');
  const alg = RSA_ALGORITHMS.get(algorithm);
  if (!alg) return failed(`"${algorithm}" is not an RSA signature algorithm`, MISMATCH);
  const blob = r.string();
  if (blob === null) return malformed('RSA');
  if (r.remaining !== 0) return trailing('RSA');
  if (blob.length > key.size) return failed('the RSA signature is longer than the CA modulus', 'key bits do not match');

  // RSA_public_decrypt(): OpenSSL's own sanity checks come first.
  const { e, n } = key;
  if (n <= e || n % 2n === 0n || (bitLength(n) > 3072 && bitLength(e) > 64)) {
    return failed('OpenSSL refuses to use this RSA CA key (even modulus or bad exponent)', LIBCRYPTO);
  }
  const s = toBigInt(blob); // OpenSSH left-pads short signatures, which changes nothing numerically
  if (s >= n) return failed('the RSA signature is not below the CA modulus', LIBCRYPTO);
  const payload = pkcs1Type1Payload(toBytes(modPow(s, e, n), key.size));
  if (payload === null) return failed('the RSA signature does not decrypt to PKCS#1 v1.5 padding', LIBCRYPTO);
  const expected = Buffer.concat([Buffer.from(alg.prefix, 'hex'), sha(alg.hash, data)]);
  if (payload.length !== expected.length) return failed('the RSA signature holds a digest of the wrong size', FORMAT);
  return expected.equals(payload) ? { ok: true, algorithm } : incorrect;
}

/** RSA_padding_check_PKCS1_type_1: 00 01 FF{8,} 00 payload. */
function pkcs1Type1Payload(em: Uint8Array): Uint8Array | null {
  if (em[0] !== 0x00 || em[1] !== 0x01) return null;
  let i = 2;
  while (i < em.length && em[i] === 0xff) i++;
  if (i === em.length || em[i] !== 0x00 || i - 2 < 8) return null;
  return em.subarray(i + 1);
}

// ---- DSA (ssh-dss.c) -------------------------------------------------------

function verifyDss(key: Extract<KeyMaterial, { family: 'dss' }>, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  if (algorithm === null || blob === null) return malformed('DSA');
  if (algorithm !== 'ssh-dss') return failed(`"${algorithm}" is not the DSA signature algorithm`, MISMATCH);
  if (r.remaining !== 0) return trailing('DSA');
  if (blob.length !== 40) return failed(`the DSA signature is ${blob.length} bytes, not 40`, FORMAT);

  // DSA_do_verify(): -1 (libcrypto error) for unusable parameters, 0 for a bad signature.
  const { p, q, g, y } = key;
  const qBits = bitLength(q);
  if ((qBits !== 160 && qBits !== 224 && qBits !== 256) || bitLength(p) > 10000) {
    return failed('OpenSSL refuses these DSA parameters (q must be 160, 224 or 256 bits)', LIBCRYPTO);
  }
  const rr = toBigInt(blob.subarray(0, 20));
  const ss = toBigInt(blob.subarray(20));
  if (rr === 0n || rr >= q || ss === 0n || ss >= q) return incorrect;
  const w = modInverse(ss, q);
  if (w === null || p % 2n === 0n) return failed('OpenSSL cannot compute with these DSA parameters', LIBCRYPTO);
  const m = toBigInt(sha('sha1', data));
  const v = mod((modPow(g, mod(m * w, q), p) * modPow(y, mod(rr * w, q), p)) % p, q);
  return v === rr ? { ok: true, algorithm } : incorrect;
}

// ---- ECDSA (ssh-ecdsa.c, ssh-ecdsa-sk.c) ----------------------------------

function ecKey(curve: Curve, point: Uint8Array): KeyObject {
  const coordinate = (at: number) => Buffer.from(point.subarray(at, at + curve.size)).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: curve.jwk, x: coordinate(1), y: coordinate(1 + curve.size) }, format: 'jwk' });
}

/** ECDSA_do_verify over hash(message); r or s out of range is a plain mismatch. */
function ecdsaValid(curve: Curve, point: Uint8Array, r: Uint8Array, s: Uint8Array, message: Uint8Array, hash: string) {
  if (r.length > curve.size || s.length > curve.size) return false;
  const fixed = Buffer.concat([toBytes(toBigInt(r), curve.size), toBytes(toBigInt(s), curve.size)]);
  try {
    return verify(hash, message, { key: ecKey(curve, point), dsaEncoding: 'ieee-p1363' }, fixed);
  } catch {
    return false;
  }
}

/** The mpint r, mpint s pair inside an ECDSA signature. */
function readEcdsaPair(inner: WireReader, what: string): { r: Uint8Array; s: Uint8Array } | VerifyResult {
  const r = inner.mpint();
  const s = inner.mpint();
  if (r === null || s === null) return malformed(what);
  if (inner.remaining !== 0) return trailing(what);
  return { r, s };
}

function verifyEcdsa(key: Extract<KeyMaterial, { family: 'ecdsa' }>, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const reader = new WireReader(sig);
  const algorithm = reader.cstring();
  const inner = reader.reader();
  if (algorithm === null || inner === null) return malformed('ECDSA');
  if (algorithm !== key.name) return failed(`"${algorithm}" is not the signature algorithm of a ${key.name} CA`, MISMATCH);
  if (reader.remaining !== 0) return trailing('ECDSA');
  const pair = readEcdsaPair(inner, 'ECDSA');
  if ('ok' in pair) return pair;
  const curve = CURVES[key.curve];
  return ecdsaValid(curve, key.point, pair.r, pair.s, data, curve.hash) ? { ok: true, algorithm } : incorrect;
}

const WEBAUTHN = 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com';

function verifyEcdsaSk(key: Extract<KeyMaterial, { family: 'ecdsa-sk' }>, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const reader = new WireReader(sig);
  const algorithm = reader.cstring();
  const webauthn = algorithm === WEBAUTHN;
  if (algorithm === null || (!webauthn && algorithm !== 'sk-ecdsa-sha2-nistp256@openssh.com')) {
    return malformed('ECDSA-SK');
  }
  const inner = reader.reader();
  const flags = reader.u8();
  const counter = reader.u32();
  // webauthn signatures add the origin, the signed clientData JSON and extensions.
  const none = new Uint8Array(0);
  const origin = webauthn ? reader.cstringBytes() : none;
  const clientData = webauthn ? reader.string() : none;
  const extensions = webauthn ? reader.string() : none;
  if (inner === null || flags === null || counter === null || origin === null || clientData === null || extensions === null) {
    return malformed('ECDSA-SK');
  }
  if (reader.remaining !== 0) return trailing('ECDSA-SK');
  const pair = readEcdsaPair(inner, 'ECDSA-SK');
  if ('ok' in pair) return pair;
  const problem = webauthn ? checkWebauthn(data, origin, clientData, flags, extensions) : null;
  if (problem) return problem;
  // The authenticator signs H(H(application) || flags || counter || extensions || H(message)).
  const signed = new WireWriter()
    .raw(sha('sha256', key.application))
    .u8(flags)
    .u32(counter)
    .raw(extensions)
    .raw(sha('sha256', webauthn ? clientData : data))
    .bytes();
  return ecdsaValid(CURVES.nistp256, key.point, pair.r, pair.s, signed, 'sha256') ? { ok: true, algorithm } : incorrect;
}

/** webauthn_check_prepare_hash: clientData must start with the JSON OpenSSH expects. */
function checkWebauthn(
  data: Uint8Array,
  origin: Uint8Array,
  clientData: Uint8Array,
  flags: number,
  extensions: Uint8Array,
): VerifyResult | null {
  if (origin.includes(0x22) || (flags & 0x40) !== 0 || ((flags & 0x80) === 0) !== (extensions.length === 0)) {
    return failed('the webauthn origin or flags are inconsistent', FORMAT);
  }
  const preamble = Buffer.concat([
    Buffer.from(`{"type":"webauthn.get","challenge":"${Buffer.from(data).toString('base64url')}","origin":"`),
    origin,
    Buffer.from('"'),
  ]);
  if (clientData.length < preamble.length) return failed('the webauthn clientData is too short', 'incomplete message');
  return preamble.equals(clientData.subarray(0, preamble.length))
    ? null
    : failed('the webauthn clientData does not embed the certificate', FORMAT);
}

// ---- Ed25519 (ssh-ed25519.c, ssh-ed25519-sk.c) ---------------------------

/** The Ed25519 group order. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

/**
 * crypto_sign_ed25519_open as OpenSSH ships it (SUPERCOP ref10): it rejects S only
 * when one of its top three bits is set and otherwise reduces S mod L, so it
 * accepts S + L where OpenSSL (RFC 8032) would not. Reduce first, then verify.
 */
function ed25519Valid(pk: Uint8Array, sig: Uint8Array, message: Uint8Array): boolean {
  if (sig.length !== 64 || ((sig[63] ?? 0) & 0xe0) !== 0) return false;
  const s = toBigInt(Uint8Array.from(sig.subarray(32)).reverse());
  const canonical = Buffer.concat([sig.subarray(0, 32), toBytes(mod(s, L), 32).reverse()]);
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pk).toString('base64url') }, format: 'jwk' });
    return verify(null, message, key, canonical);
  } catch {
    return false;
  }
}

function verifyEd25519(pk: Uint8Array, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  // ssh_ed25519_verify passes these sshbuf errors through unchanged.
  if (algorithm === null || blob === null) {
    return failed('the Ed25519 signature blob is malformed', WIRE_ERROR_TEXT[r.error ?? 'invalid-format']);
  }
  if (algorithm !== 'ssh-ed25519') return failed(`"${algorithm}" is not the Ed25519 signature algorithm`, MISMATCH);
  if (r.remaining !== 0) return trailing('Ed25519');
  if (blob.length > 64) return failed(`the Ed25519 signature is ${blob.length} bytes, over 64`, FORMAT);
  return ed25519Valid(pk, blob, data) ? { ok: true, algorithm } : incorrect;
}

function verifyEd25519Sk(key: Extract<KeyMaterial, { family: 'ed25519-sk' }>, sig: Uint8Array, data: Uint8Array): VerifyResult {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  const flags = r.u8();
  const counter = r.u32();
  if (algorithm === null || blob === null || flags === null || counter === null) return malformed('Ed25519-SK');
  if (algorithm !== 'sk-ssh-ed25519@openssh.com') {
    return failed(`"${algorithm}" is not the Ed25519-SK signature algorithm`, MISMATCH);
  }
  if (r.remaining !== 0) return trailing('Ed25519-SK');
  if (blob.length > 64) return failed(`the Ed25519 signature is ${blob.length} bytes, over 64`, FORMAT);
  // The authenticator signs H(application) || flags || counter || H(message).
  const signed = new WireWriter()
    .raw(sha('sha256', key.application))
    .u8(flags)
    .u32(counter)
    .raw(sha('sha256', data))
    .bytes();
  return ed25519Valid(key.pk, blob, signed) ? { ok: true, algorithm } : incorrect;
}
