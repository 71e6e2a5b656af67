/**
 * Decodes an OpenSSH public key blob (the base64 field of a key line) with the
 * accept/reject decisions of `sshkey_from_blob_internal`, each key type's
 * `deserialize_public` and `cert_parse` (OpenSSH 9.2; see VERSION NOTES below).
 *
 * VERSION NOTES — what differs in later releases, driven by `options.openssh`:
 * | change                                                     | release |
 * | blob type names no longer match short names ("RSA", "ed25519") | 9.9 |
 * | ssh-dss left out of default builds / removed               | 9.8 / 10.0 |
 * | ssh-xmss removed (it was only ever in WITH_XMSS builds)     | 10.1    |
 * | webauthn-sk-ecdsa-sha2-nistp256-cert-v01 name accepted      | 10.3    |
 * | ssh-mldsa44-ed25519 keys (1344-byte public key)             | 10.4    |
 * Everything else used here (limits, curve checks, cert_parse) is unchanged up to 10.5.
 */
import { compareReleases } from '../core/version.js';
import * as crypto from 'node:crypto';
import { bitLengthOfBytes, toBigInt } from './bigint.js';
import { CURVES, checkPoint } from './ec.js';
import {
  KEY_TYPES,
  isKnownIn,
  keyTypeByName,
  type EcCurve,
  type KeyFamily,
  type KeyType,
} from './key-types.js';
import { verifySignature, type KeyMaterial } from './verify.js';
import { SSHBUF_MAX_ECPOINT, WIRE_ERROR_TEXT, WireReader, WireWriter, bytesToText, type WireError } from './wire.js';

export type BlobErrorCode =
  | 'truncated'
  | 'unknown-type'
  | 'invalid-format'
  | 'trailing-data'
  | 'key-length'
  | 'invalid-point'
  | 'bad-signature'
  | 'invalid-certificate'
  /** OpenSSH can check this but sshlint cannot (an ML-DSA CA signature on Node < 24). */
  | 'unsupported';

export interface BlobError {
  code: BlobErrorCode;
  /** Plain English: what is wrong, then what OpenSSH reports. */
  message: string;
  /** The `ssh_err()` text OpenSSH logs for it, e.g. "invalid format" ("" when unknown). */
  openssh: string;
}

export interface CertInfo {
  serial: bigint;
  /** OpenSSH refuses any other certificate type when parsing. */
  certType: 'user' | 'host';
  keyId: string;
  principals: string[];
  validAfter: bigint;
  validBefore: bigint;
  criticalOptions: { name: string; data: Uint8Array }[];
  extensions: { name: string; data: Uint8Array }[];
  signatureKey: DecodedKey;
  /** The algorithm named inside the signature, e.g. `rsa-sha2-512`. */
  signatureAlgorithm: string;
}

export interface DecodedKey {
  /** The type name inside the blob. */
  type: string;
  /** The key type OpenSSH loads it as; differs from `type` for aliases like `rsa-sha2-256`. */
  canonicalType: string;
  family: KeyFamily;
  certificate: boolean;
  /** RSA modulus bits, DSA p bits, ECDSA curve bits, 256 for Ed25519, SK and ML-DSA keys. */
  bits: number;
  curve?: EcCurve;
  /** The FIDO application string of sk keys (e.g. `ssh:`). */
  application?: string;
  cert?: CertInfo;
  /**
   * `SHA256:…` as `ssh-keygen -l` prints it: the hash of the plain key as OpenSSH
   * re-encodes it, so a certificate shows its key's fingerprint.
   */
  fingerprint: string;
}

export type BlobResult = { ok: true; key: DecodedKey } | { ok: false; error: BlobError };

export interface DecodeOptions {
  /** The OpenSSH release to judge by, e.g. "9.2" (default) or "10.5". */
  openssh?: string;
}

export const DEFAULT_OPENSSH_VERSION = '9.2';

/** sshkey.c SSHKEY_CERT_MAX_PRINCIPALS. */
const MAX_PRINCIPALS = 256;
/** sshkey.h SSH_RSA_MINIMUM_MODULUS_SIZE. */
const RSA_MIN_BITS = 1024;
/** OpenSSH 9.9 (sshkey.c 1.146) stopped matching short names in blobs. */
const SHORT_NAMES_UNTIL = '9.9';
const PUBLIC_KEY_BYTES: Partial<Record<KeyFamily, number>> = { ed25519: 32, 'ed25519-sk': 32, 'mldsa44-ed25519': 1344 };

/** One-shot `crypto.hash` (Node 20.12+) costs half a Hash object per key; older Nodes build the object. */
const sha256Base64: (data: Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'base64')
    : (data) => crypto.createHash('sha256').update(data).digest('base64');

const utf8 = new TextEncoder();
/** The type and curve names every canonical key holds, encoded once each (a few dozen names). */
const NAME_BYTES = new Map<string, Uint8Array>();
function encodedName(name: string): Uint8Array {
  let bytes = NAME_BYTES.get(name);
  if (!bytes) NAME_BYTES.set(name, (bytes = utf8.encode(name)));
  return bytes;
}

export function decodeKeyBlob(blob: Uint8Array, options: DecodeOptions = {}): BlobResult {
  const parsed = parseKey(blob, options.openssh ?? DEFAULT_OPENSSH_VERSION, true);
  return parsed instanceof Failure ? { ok: false, error: parsed.error } : { ok: true, key: parsed.key };
}

/** The fingerprint `ssh-keygen -l` shows for the blob, or null if OpenSSH would not load it. */
export function fingerprintSha256(blob: Uint8Array, options: DecodeOptions = {}): string | null {
  const result = decodeKeyBlob(blob, options);
  return result.ok ? result.key.fingerprint : null;
}

class Failure {
  readonly error: BlobError;
  constructor(code: BlobErrorCode, detail: string, openssh: string) {
    const said = openssh ? `; OpenSSH reports "${openssh}"` : '';
    this.error = { code, message: `${detail}${said}`, openssh };
  }
}

/**
 * A failed sshbuf read. Most callers in OpenSSH replace the sshbuf error with
 * "invalid format" (`overwritten`); a few pass it through.
 */
function wireFailure(r: WireReader, what: string, overwritten = true): Failure {
  const error = r.error ?? 'message-incomplete';
  const outcomes: Record<WireError, [BlobErrorCode, string]> = {
    'message-incomplete': ['truncated', `the blob ends inside ${what}`],
    'string-too-large': ['truncated', `${what} has a length over 128 MiB`],
    'invalid-format': ['invalid-format', `${what} contains a NUL byte`],
    'bignum-is-negative': ['invalid-format', `${what} is a negative number`],
    'bignum-too-large': ['key-length', `${what} is over 16384 bits`],
  };
  const [code, detail] = outcomes[error];
  return new Failure(code, detail, overwritten ? 'invalid format' : WIRE_ERROR_TEXT[error]);
}

interface Parsed {
  key: DecodedKey;
  /** Only a CA key's is ever needed (to verify a certificate): built on demand. */
  material: () => KeyMaterial;
}

function parseKey(blob: Uint8Array, version: string, allowCert: boolean): Parsed | Failure {
  const r = new WireReader(blob);
  const nameBytes = r.cstringBytes();
  if (nameBytes === null) return wireFailure(r, 'the key type name');
  const type = bytesToText(nameBytes);
  const resolved = resolveType(type, version);
  if (!resolved) return new Failure('unknown-type', `"${type}" is not a key type OpenSSH ${version} knows`, 'unknown or unsupported key type');
  const { keyType, shortName } = resolved;
  if (keyType.certificate) {
    if (!allowCert) return new Failure('invalid-certificate', 'a certificate cannot be a CA key', 'invalid certificate signing key');
    if (r.string() === null) return wireFailure(r, 'the certificate nonce');
  }
  const plain = new WireWriter().string(encodedName(keyType.plainName));
  const pub = readPublicKey(r, keyType, shortName, plain);
  if (pub instanceof Failure) return pub;
  const cert = keyType.certificate ? parseCertificate(r, blob, version) : undefined;
  if (cert instanceof Failure) return cert;
  if (r.remaining !== 0) return new Failure('trailing-data', `${r.remaining} bytes follow the key`, 'invalid format');

  // ssh-keygen prints the digest without base64 padding: 32 bytes give 43 digits and one '='.
  const digest = sha256Base64(isCanonical(blob, type, keyType, plain) ? blob : plain.bytes()).slice(0, 43);
  // Set one by one, not spread into the literal: a model keeps one per key line, and spreads build a larger object.
  const key: DecodedKey = { type: type === keyType.name ? keyType.name : type, canonicalType: keyType.name, family: keyType.family, certificate: keyType.certificate, bits: pub.bits, fingerprint: flatFingerprint(digest) };
  if (keyType.curve) key.curve = keyType.curve;
  if (pub.application !== undefined) key.application = pub.application;
  if (cert) key.cert = cert;
  return { key, material: pub.material };
}

/**
 * `SHA256:` and the digest as one flat string, not the three pieces concatenation and slicing
 * leave (a prefix, a slice, the string it slices): one object instead of three per key a model keeps.
 */
function flatFingerprint(digest: string): string {
  return ['SHA256:', digest].join('');
}

/**
 * Whether a plain key's blob is already its canonical encoding, as most are: then it is hashed
 * as it is. Re-encoding only ever shortens the fields after the name (leading zeros of an mpint,
 * the NUL ending a C string), so with the canonical name and the same length nothing changed.
 */
function isCanonical(blob: Uint8Array, type: string, keyType: KeyType, plain: WireWriter): boolean {
  return !keyType.certificate && type === keyType.plainName && plain.length === blob.length;
}

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** sshkey_type_from_name: exact names and aliases; before 9.9 also any-case short names of plain types. */
function resolveType(name: string, version: string): { keyType: KeyType; shortName: boolean } | undefined {
  const keyType = keyTypeByName(name, version);
  if (keyType) return { keyType, shortName: false };
  if (compareReleases(version, SHORT_NAMES_UNTIL) >= 0) return undefined;
  const lower = asciiLower(name);
  const byShortName = KEY_TYPES.find(
    (t) => !t.certificate && isKnownIn(t, version) && asciiLower(t.shortName) === lower,
  );
  return byShortName && { keyType: byShortName, shortName: true };
}

interface PublicPart {
  bits: number;
  material: () => KeyMaterial;
  application?: string;
}

/** The per-type `deserialize_public`; appends the canonical encoding to `plain`. */
function readPublicKey(r: WireReader, keyType: KeyType, shortName: boolean, plain: WireWriter): PublicPart | Failure {
  const { family } = keyType;
  switch (family) {
    case 'rsa': {
      const e = r.mpint();
      if (e === null) return wireFailure(r, 'the RSA exponent');
      const n = r.mpint();
      if (n === null) return wireFailure(r, 'the RSA modulus');
      const bits = bitLengthOfBytes(n);
      if (bits < RSA_MIN_BITS) {
        return new Failure('key-length', `the RSA modulus has ${bits} bits; OpenSSH requires at least ${RSA_MIN_BITS}`, 'Invalid key length');
      }
      plain.mpint(e).mpint(n);
      return { bits, material: () => ({ family, e: toBigInt(e), n: toBigInt(n), size: n.length }) };
    }
    case 'dss': {
      const [p, q, g, y] = [r.mpint(), r.mpint(), r.mpint(), r.mpint()];
      if (p === null || q === null || g === null || y === null) return wireFailure(r, 'the DSA parameters');
      plain.mpint(p).mpint(q).mpint(g).mpint(y);
      return { bits: bitLengthOfBytes(p), material: () => ({ family, p: toBigInt(p), q: toBigInt(q), g: toBigInt(g), y: toBigInt(y) }) };
    }
    case 'ecdsa':
    case 'ecdsa-sk': {
      // sshkey_ecdsa_nid_from_name knows full names only: "ECDSA" names no curve.
      const curve = keyType.curve;
      if (shortName || !curve) return new Failure('unknown-type', 'a short type name does not say which curve', 'invalid argument');
      const point = readPoint(r, curve);
      if (point instanceof Failure) return point;
      plain.string(encodedName(curve)).string(point);
      if (family === 'ecdsa') return { bits: CURVES[curve].bits, material: () => ({ family, name: keyType.plainName, curve, point }) };
      const application = readApplication(r, plain);
      if (application instanceof Failure) return application;
      return { bits: 256, application: bytesToText(application), material: () => ({ family, point, application }) };
    }
    case 'ed25519':
    case 'ed25519-sk':
    case 'mldsa44-ed25519': {
      const pk = r.string();
      if (pk === null) return wireFailure(r, 'the public key', false);
      const expected = PUBLIC_KEY_BYTES[family];
      if (pk.length !== expected) return new Failure('key-length', `the public key is ${pk.length} bytes, not ${expected}`, 'invalid format');
      plain.string(pk);
      if (family === 'ed25519') return { bits: 256, material: () => ({ family, pk }) };
      if (family === 'mldsa44-ed25519') return { bits: 256, material: () => ({ family }) };
      const application = readApplication(r, plain);
      if (application instanceof Failure) return application;
      return { bits: 256, application: bytesToText(application), material: () => ({ family, pk, application }) };
    }
    case 'xmss':
      // Only WITH_XMSS builds know XMSS, and resolveType never offers it.
      return new Failure('unknown-type', 'XMSS keys need an OpenSSH built WITH_XMSS', 'unknown or unsupported key type');
  }
}

/** sshbuf_get_eckey plus sshkey_ec_validate_public. */
function readPoint(r: WireReader, curve: EcCurve): Uint8Array | Failure {
  const name = r.cstring();
  if (name === null) return wireFailure(r, 'the curve name', false);
  if (name !== curve) return new Failure('invalid-format', `the key type says ${curve} but the blob says "${name}"`, 'elliptic curve does not match');
  const point = r.string();
  if (point === null) return wireFailure(r, 'the EC point', false);
  if (point.length === 0 || point.length > SSHBUF_MAX_ECPOINT) {
    return new Failure('invalid-point', `the EC point is ${point.length} bytes`, 'elliptic curve point is too large');
  }
  const problem = checkPoint(CURVES[curve], point);
  return problem ? new Failure('invalid-point', problem.reason, problem.openssh) : point;
}

/** sshkey_deserialize_sk: the FIDO application string. */
function readApplication(r: WireReader, plain: WireWriter): Uint8Array | Failure {
  const application = r.cstringBytes();
  if (application === null) return wireFailure(r, 'the security key application');
  plain.string(application);
  return application;
}

/** cert_parse: everything after the certified key, signature verified. */
function parseCertificate(r: WireReader, blob: Uint8Array, version: string): CertInfo | Failure {
  const serial = r.u64();
  const type = r.u32();
  const keyId = r.cstring();
  const principalsField = r.reader();
  const validAfter = r.u64();
  const validBefore = r.u64();
  const criticalField = r.reader();
  const extensionsField = r.reader();
  r.string(); // reserved
  const caBlob = r.string();
  if (
    serial === null ||
    type === null ||
    keyId === null ||
    principalsField === null ||
    validAfter === null ||
    validBefore === null ||
    criticalField === null ||
    extensionsField === null ||
    caBlob === null
  ) {
    return wireFailure(r, 'the certificate fields');
  }
  const signedLength = r.position;
  const signature = r.string();
  if (signature === null) return wireFailure(r, 'the certificate signature');
  if (type !== 1 && type !== 2) {
    return new Failure('invalid-certificate', `certificate type ${type} is neither user (1) nor host (2)`, 'unknown/unsupported certificate type');
  }

  const principals: string[] = [];
  while (principalsField.remaining > 0) {
    if (principals.length >= MAX_PRINCIPALS) {
      return new Failure('invalid-certificate', `more than ${MAX_PRINCIPALS} principals`, 'invalid format');
    }
    const principal = principalsField.cstring();
    if (principal === null) return wireFailure(principalsField, 'a principal');
    principals.push(principal);
  }
  const criticalOptions = readOptions(criticalField, 'a critical option');
  if (criticalOptions instanceof Failure) return criticalOptions;
  const extensions = readOptions(extensionsField, 'an extension');
  if (extensions instanceof Failure) return extensions;

  const ca = parseKey(caBlob, version, false);
  if (ca instanceof Failure) {
    return new Failure('invalid-certificate', `the signing CA key is unusable (${ca.error.message})`, 'invalid certificate signing key');
  }
  const verified = verifySignature(ca.material(), signature, blob.subarray(0, signedLength));
  if (!verified.ok) return new Failure(verified.unsupported ? 'unsupported' : 'bad-signature', verified.reason, verified.openssh);

  return {
    serial,
    certType: type === 1 ? 'user' : 'host',
    keyId,
    principals,
    validAfter,
    validBefore,
    criticalOptions,
    extensions,
    signatureKey: ca.key,
    signatureAlgorithm: verified.algorithm,
  };
}

/** Critical options and extensions: (string name, string data) pairs. */
function readOptions(field: WireReader, what: string): { name: string; data: Uint8Array }[] | Failure {
  const options: { name: string; data: Uint8Array }[] = [];
  while (field.remaining > 0) {
    const name = field.string();
    const data = field.string();
    if (name === null || data === null) return wireFailure(field, what);
    options.push({ name: bytesToText(name), data });
  }
  return options;
}
