/**
 * Hand-built edge cases, each with the outcome we expect and with ssh-keygen -L
 * (9.2) as the judge of whether that expectation is OpenSSH's.
 */
import { constants, privateEncrypt, randomBytes, sign as cryptoSign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { modPow, toBigInt, toBytes } from '../../src/ssh/bigint.js';
import { CURVES, type Curve } from '../../src/ssh/ec.js';
import { decodeKeyBlob, type BlobErrorCode } from '../../src/ssh/index.js';
import {
  buildCert,
  ed25519Pair,
  ed25519Signer,
  lineOf,
  p256Pair,
  principals,
  rsaPair,
  rsaSigner,
  sha256,
  skEcdsaBlob,
  skEcdsaSigner,
  skEd25519Blob,
  skEd25519Signer,
  w,
  type CertSpec,
  type Signer,
} from './build.js';
import { describeWithKeygen, expectSameVerdicts, fingerprints } from './oracle.js';

const bytes = (n: number) => new Uint8Array(randomBytes(n));

/** An odd number of exactly `bits` bits: enough of a modulus for parsing. */
function modulus(bits: number): Uint8Array {
  const b = bytes(Math.ceil(bits / 8));
  const spare = b.length * 8 - bits;
  b[0] = ((b[0] ?? 0) & (0xff >> spare)) | (0x80 >> spare);
  b[b.length - 1] = (b[b.length - 1] ?? 0) | 1;
  return b;
}
const F4 = Uint8Array.of(1, 0, 1);
const rsaBlob = (n: Uint8Array, name = 'ssh-rsa') => w().string(name).mpint(F4).mpint(n).bytes();

/** The point with the smallest x >= `from` on the curve (p = 3 mod 4, so sqrt is a power). */
function pointFrom(curve: Curve, from: bigint): Uint8Array {
  const { p, b } = curve;
  for (let x = from; ; x++) {
    const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
    const y = modPow(rhs, (p + 1n) / 4n, p);
    if ((y * y) % p === rhs) return Uint8Array.from([4, ...toBytes(x, curve.size), ...toBytes(y, curve.size)]);
  }
}
const ecBlob = (point: Uint8Array, curve = 'nistp256', name = `ecdsa-sha2-${curve}`) =>
  w().string(name).string(curve).string(point).bytes();

interface Case {
  name: string;
  label: string;
  blob: Uint8Array;
  /** Our expected outcome: an error code, or 'ok'. */
  expect: BlobErrorCode | 'ok';
}

const ca = ed25519Pair();
const caBlob = w().string('ssh-ed25519').string(ca.pk).bytes();
const caSigner = ed25519Signer(ca.privateKey);
const edFields = w().string(ed25519Pair().pk).bytes();
const CERT = 'ssh-ed25519-cert-v01@openssh.com';
const cert = (over: Partial<CertSpec> = {}) =>
  buildCert({ type: CERT, keyFields: edFields, caBlob, signer: caSigner, ...over }).blob;
/** A signer whose signature blob is rewritten. */
const tamper = (signer: Signer, change: (sig: Uint8Array) => Uint8Array): Signer => (data) => change(signer(data));

/** Ed25519 group order. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
/** Re-signs with S + L: valid for OpenSSH's ref10 code, not for RFC 8032 verifiers. */
const withSPlusL: Signer = (data) => {
  const sig = new Uint8Array(cryptoSign(null, data, ca.privateKey));
  const s = toBigInt(sig.slice(32).reverse()) + L;
  return w().string('ssh-ed25519').string(Uint8Array.from([...sig.subarray(0, 32), ...toBytes(s, 32).reverse()])).bytes();
};

function cases(): Case[] {
  const rsa = rsaPair(2048);
  const rsaCert = (signer: Signer, over: Partial<CertSpec> = {}) => cert({ caBlob: rsa.blob, signer, ...over });
  const rsaRaw = (payload: Uint8Array, alg = 'rsa-sha2-256') => (_: Uint8Array) =>
    w().string(alg).string(privateEncrypt({ key: rsa.privateKey, padding: constants.RSA_PKCS1_PADDING }, payload)).bytes();
  const digestInfo256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  // A signature whose first byte is zero, sent without it: OpenSSH left-pads it back.
  let stripped = false;
  const stripLeadingZero: Signer = (d) => {
    const sig = new Uint8Array(cryptoSign('sha256', d, rsa.privateKey));
    stripped = sig[0] === 0;
    return w().string('rsa-sha2-256').string(stripped ? sig.subarray(1) : sig).bytes();
  };
  let shortSig = rsaCert(stripLeadingZero);
  for (let serial = 2n; !stripped; serial++) shortSig = rsaCert(stripLeadingZero, { serial });
  const skEd = ed25519Pair();
  const skEc = p256Pair();
  const p256 = CURVES.nistp256;
  const onCurve = pointFrom(p256, toBigInt(bytes(32)) % p256.p);
  const badY = Uint8Array.from(onCurve);
  badY[64] = (badY[64] ?? 0) ^ 1;
  const maxModulus = modulus(16384);
  const tooLarge = Uint8Array.from([0x01, ...modulus(16384)]);

  return [
    // RSA sizes: the 1024-bit floor and the 16384-bit sshbuf ceiling.
    { name: 'rsa 768', label: 'ssh-rsa', blob: rsaBlob(modulus(768)), expect: 'key-length' },
    { name: 'rsa 1023', label: 'ssh-rsa', blob: rsaBlob(modulus(1023)), expect: 'key-length' },
    { name: 'rsa 1024', label: 'ssh-rsa', blob: rsaBlob(modulus(1024)), expect: 'ok' },
    { name: 'rsa 16384', label: 'ssh-rsa', blob: rsaBlob(maxModulus), expect: 'ok' },
    { name: 'rsa 16385', label: 'ssh-rsa', blob: w().string('ssh-rsa').mpint(F4).string(tooLarge).bytes(), expect: 'key-length' },
    { name: 'rsa redundant zeros', label: 'ssh-rsa', blob: w().string('ssh-rsa').string(Uint8Array.of(0, 0, 1, 0, 1)).mpint(modulus(2048)).bytes(), expect: 'ok' },
    { name: 'rsa negative e', label: 'ssh-rsa', blob: w().string('ssh-rsa').string(Uint8Array.of(0x81)).mpint(modulus(2048)).bytes(), expect: 'invalid-format' },
    { name: 'rsa empty e', label: 'ssh-rsa', blob: w().string('ssh-rsa').string(new Uint8Array(0)).mpint(modulus(2048)).bytes(), expect: 'ok' },
    // Type names inside the blob.
    { name: 'alias in blob', label: 'ssh-rsa', blob: rsaBlob(modulus(2048), 'rsa-sha2-512'), expect: 'ok' },
    { name: 'short name in blob', label: 'ssh-rsa', blob: rsaBlob(modulus(2048), 'rsa'), expect: 'ok' },
    { name: 'short name ed25519', label: 'ssh-ed25519', blob: w().string('Ed25519').string(bytes(32)).bytes(), expect: 'ok' },
    { name: 'short name ECDSA', label: 'ecdsa-sha2-nistp256', blob: ecBlob(onCurve, 'nistp256', 'ECDSA'), expect: 'unknown-type' },
    { name: 'cert short name', label: CERT, blob: w().string('ED25519-CERT').string(bytes(16)).bytes(), expect: 'unknown-type' },
    { name: 'name with final NUL', label: 'ssh-ed25519', blob: w().string('ssh-ed25519\0').string(bytes(32)).bytes(), expect: 'ok' },
    { name: 'name with inner NUL', label: 'ssh-ed25519', blob: w().string('ssh-\0ed25519').string(bytes(32)).bytes(), expect: 'invalid-format' },
    { name: 'empty name', label: 'ssh-ed25519', blob: w().string('').bytes(), expect: 'unknown-type' },
    { name: 'xmss', label: 'ssh-ed25519', blob: w().string('ssh-xmss@openssh.com').string('XMSS_SHA2-256_W16_H10').bytes(), expect: 'unknown-type' },
    { name: 'mldsa (10.4+)', label: 'ssh-ed25519', blob: w().string('ssh-mldsa44-ed25519@openssh.com').string(bytes(1344)).bytes(), expect: 'unknown-type' },
    // Ed25519 key lengths and sshbuf's two length errors.
    { name: 'ed25519 31 bytes', label: 'ssh-ed25519', blob: w().string('ssh-ed25519').string(bytes(31)).bytes(), expect: 'key-length' },
    { name: 'ed25519 33 bytes', label: 'ssh-ed25519', blob: w().string('ssh-ed25519').string(bytes(33)).bytes(), expect: 'key-length' },
    { name: 'string too large', label: 'ssh-ed25519', blob: w().string('ssh-ed25519').u32(0xffffffff).raw(bytes(32)).bytes(), expect: 'truncated' },
    { name: 'string incomplete', label: 'ssh-ed25519', blob: w().string('ssh-ed25519').u32(33).raw(bytes(32)).bytes(), expect: 'truncated' },
    // ECDSA curves and points.
    { name: 'valid point', label: 'ecdsa-sha2-nistp256', blob: ecBlob(onCurve), expect: 'ok' },
    { name: 'curve mismatch', label: 'ecdsa-sha2-nistp256', blob: w().string('ecdsa-sha2-nistp256').string('nistp384').string(onCurve).bytes(), expect: 'invalid-format' },
    { name: 'curve with final NUL', label: 'ecdsa-sha2-nistp256', blob: w().string('ecdsa-sha2-nistp256').string('nistp256\0').string(onCurve).bytes(), expect: 'ok' },
    { name: 'not on curve', label: 'ecdsa-sha2-nistp256', blob: ecBlob(badY), expect: 'invalid-point' },
    { name: 'compressed', label: 'ecdsa-sha2-nistp256', blob: ecBlob(Uint8Array.from([2, ...onCurve.subarray(1, 33)])), expect: 'invalid-point' },
    { name: 'short point', label: 'ecdsa-sha2-nistp256', blob: ecBlob(onCurve.subarray(0, 64)), expect: 'invalid-point' },
    { name: 'empty point', label: 'ecdsa-sha2-nistp256', blob: ecBlob(new Uint8Array(0)), expect: 'invalid-point' },
    { name: 'point over 133 bytes', label: 'ecdsa-sha2-nistp256', blob: ecBlob(new Uint8Array(134).fill(4)), expect: 'invalid-point' },
    { name: 'x >= p', label: 'ecdsa-sha2-nistp256', blob: ecBlob(Uint8Array.from([4, ...toBytes(p256.p, 32), ...onCurve.subarray(33)])), expect: 'invalid-point' },
    { name: 'small x', label: 'ecdsa-sha2-nistp256', blob: ecBlob(pointFrom(p256, 1n)), expect: 'invalid-point' },
    { name: 'x >= n - 1', label: 'ecdsa-sha2-nistp256', blob: ecBlob(pointFrom(p256, p256.n - 1n)), expect: 'invalid-point' },
    { name: 'p521 x >= n - 1', label: 'ecdsa-sha2-nistp521', blob: ecBlob(pointFrom(CURVES.nistp521, CURVES.nistp521.n - 1n), 'nistp521'), expect: 'invalid-point' },
    { name: 'p384 x just below n - 1', label: 'ecdsa-sha2-nistp384', blob: ecBlob(pointFrom(CURVES.nistp384, CURVES.nistp384.n - 1000n), 'nistp384'), expect: 'ok' },
    // Security keys.
    { name: 'sk application with final NUL', label: 'sk-ssh-ed25519@openssh.com', blob: skEd25519Blob(skEd.pk, 'ssh:\0'), expect: 'ok' },
    { name: 'sk application with inner NUL', label: 'sk-ssh-ed25519@openssh.com', blob: skEd25519Blob(skEd.pk, 'ssh\0:'), expect: 'invalid-format' },
    { name: 'sk without application', label: 'sk-ssh-ed25519@openssh.com', blob: w().string('sk-ssh-ed25519@openssh.com').string(skEd.pk).bytes(), expect: 'truncated' },
    { name: 'webauthn name in blob', label: 'sk-ecdsa-sha2-nistp256@openssh.com', blob: skEcdsaBlob(skEc.point, 'ssh:', 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com'), expect: 'ok' },
    { name: 'webauthn label', label: 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com', blob: skEcdsaBlob(skEc.point), expect: 'ok' },
    // Certificates.
    { name: 'hand-built cert', label: CERT, blob: cert(), expect: 'ok' },
    { name: 'empty nonce', label: CERT, blob: cert({ nonce: new Uint8Array(0) }), expect: 'ok' },
    { name: 'cert type 3', label: CERT, blob: cert({ certType: 3 }), expect: 'invalid-certificate' },
    { name: 'cert type 3, bad signature', label: CERT, blob: cert({ certType: 3, signer: tamper(caSigner, (s) => s.fill(1, -8)) }), expect: 'invalid-certificate' },
    { name: '256 principals', label: CERT, blob: cert({ principals: principals(...Array.from({ length: 256 }, (_, i) => `u${i}`)) }), expect: 'ok' },
    { name: '257 principals', label: CERT, blob: cert({ principals: principals(...Array.from({ length: 257 }, (_, i) => `u${i}`)) }), expect: 'invalid-certificate' },
    { name: 'principal with inner NUL', label: CERT, blob: cert({ principals: principals('al\0ice') }), expect: 'invalid-format' },
    { name: 'principal with final NUL', label: CERT, blob: cert({ principals: principals('alice\0') }), expect: 'ok' },
    { name: 'option without data', label: CERT, blob: cert({ critical: w().string('force-command').bytes() }), expect: 'truncated' },
    { name: 'CA is a certificate', label: CERT, blob: cert({ caBlob: cert() }), expect: 'invalid-certificate' },
    { name: 'CA rsa 768', label: CERT, blob: cert({ caBlob: rsaBlob(modulus(768)) }), expect: 'invalid-certificate' },
    { name: 'CA with trailing byte', label: CERT, blob: cert({ caBlob: Uint8Array.from([...caBlob, 0]) }), expect: 'invalid-certificate' },
    { name: 'empty signature', label: CERT, blob: cert({ signer: () => new Uint8Array(0) }), expect: 'bad-signature' },
    { name: 'trailing after signature', label: CERT, blob: Uint8Array.from([...cert(), 0]), expect: 'trailing-data' },
    { name: 'signed data over 1 MiB', label: CERT, blob: cert({ keyId: 'x'.repeat(1 << 20) }), expect: 'bad-signature' },
    { name: 'ed25519 S + L', label: CERT, blob: cert({ signer: withSPlusL }), expect: 'ok' },
    { name: 'ed25519 top bits of S', label: CERT, blob: cert({ signer: tamper(caSigner, (s) => s.fill(0xff, -1)) }), expect: 'bad-signature' },
    { name: 'ed25519 signature 65 bytes', label: CERT, blob: cert({ signer: (d) => w().string('ssh-ed25519').string(Uint8Array.from([...cryptoSign(null, d, ca.privateKey), 0])).bytes() }), expect: 'bad-signature' },
    { name: 'ed25519 signature named rsa', label: CERT, blob: cert({ signer: (d) => w().string('ssh-rsa').string(cryptoSign(null, d, ca.privateKey)).bytes() }), expect: 'bad-signature' },
    { name: 'ed25519 signature truncated', label: CERT, blob: cert({ signer: () => w().string('ssh-ed25519').u32(64).bytes() }), expect: 'bad-signature' },
    { name: 'rsa-sha2-256 CA', label: CERT, blob: rsaCert(rsaSigner(rsa.privateKey, 'rsa-sha2-256')), expect: 'ok' },
    { name: 'ssh-rsa (SHA-1) CA', label: CERT, blob: rsaCert(rsaSigner(rsa.privateKey, 'ssh-rsa')), expect: 'ok' },
    { name: 'rsa short signature', label: CERT, blob: shortSig, expect: 'ok' },
    { name: 'rsa signature = n', label: CERT, blob: rsaCert(() => w().string('rsa-sha2-256').string(rsa.n).bytes()), expect: 'bad-signature' },
    { name: 'rsa signature too long', label: CERT, blob: rsaCert(() => w().string('rsa-sha2-256').string(bytes(257)).bytes()), expect: 'bad-signature' },
    { name: 'rsa-sha2-384 is no algorithm', label: CERT, blob: rsaCert(() => w().string('rsa-sha2-384').string(bytes(256)).bytes()), expect: 'bad-signature' },
    { name: 'rsa wrong digest length', label: CERT, blob: rsaCert((d) => rsaRaw(Buffer.concat([digestInfo256, sha256(d).subarray(1)]))(d)), expect: 'bad-signature' },
    { name: 'rsa wrong digest', label: CERT, blob: rsaCert((d) => rsaRaw(Buffer.concat([digestInfo256, sha256(d, d)]))(d)), expect: 'bad-signature' },
    { name: 'rsa right digest, ssh-rsa name', label: CERT, blob: rsaCert((d) => rsaRaw(Buffer.concat([digestInfo256, sha256(d)]), 'ssh-rsa')(d)), expect: 'bad-signature' },
    { name: 'rsa trailing in signature', label: CERT, blob: rsaCert(tamper(rsaSigner(rsa.privateKey, 'rsa-sha2-256'), (s) => Uint8Array.from([...s, 0]))), expect: 'bad-signature' },
    { name: 'sk-ed25519 CA', label: CERT, blob: cert({ caBlob: skEd25519Blob(skEd.pk), signer: skEd25519Signer(skEd.privateKey) }), expect: 'ok' },
    { name: 'sk-ed25519 CA, other app', label: CERT, blob: cert({ caBlob: skEd25519Blob(skEd.pk, 'ssh:x'), signer: skEd25519Signer(skEd.privateKey) }), expect: 'bad-signature' },
    { name: 'sk-ecdsa CA', label: CERT, blob: cert({ caBlob: skEcdsaBlob(skEc.point), signer: skEcdsaSigner(skEc.privateKey) }), expect: 'ok' },
    { name: 'webauthn CA', label: CERT, blob: cert({ caBlob: skEcdsaBlob(skEc.point), signer: skEcdsaSigner(skEc.privateKey, { origin: 'https://a.example' }) }), expect: 'ok' },
    { name: 'webauthn quote in origin', label: CERT, blob: cert({ caBlob: skEcdsaBlob(skEc.point), signer: skEcdsaSigner(skEc.privateKey, { origin: 'https://a"example' }) }), expect: 'bad-signature' },
    { name: 'webauthn wrong challenge', label: CERT, blob: cert({ caBlob: skEcdsaBlob(skEc.point), signer: skEcdsaSigner(skEc.privateKey, { origin: 'o', clientData: () => '{"type":"webauthn.get","challenge":"AAAA","origin":"o"}' }) }), expect: 'bad-signature' },
    { name: 'webauthn short clientData', label: CERT, blob: cert({ caBlob: skEcdsaBlob(skEc.point), signer: skEcdsaSigner(skEc.privateKey, { origin: 'o', clientData: () => '{"type"' }) }), expect: 'bad-signature' },
    { name: 'webauthn cert name (10.3+)', label: 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', blob: buildCert({ type: 'webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', keyFields: w().string('nistp256').string(skEc.point).string('ssh:').bytes(), caBlob, signer: caSigner }).blob, expect: 'unknown-type' },
  ];
}

describeWithKeygen('hand-built edge cases', () => {
  let all: Case[];
  beforeAll(() => {
    all = cases();
  }, 60_000);

  it('each gives the outcome we expect, and ssh-keygen agrees', () => {
    const ours = all.map((c) => {
      const r = decodeKeyBlob(c.blob);
      return { name: c.name, outcome: r.ok ? 'ok' : r.error.code };
    });
    expect(ours).toEqual(all.map((c) => ({ name: c.name, outcome: c.expect })));
    expect(all.length).toBeGreaterThan(70);
    expectSameVerdicts(all.map((c) => lineOf(c.label, c.blob)));
  });

  it('reports what OpenSSH reports', () => {
    const said = Object.fromEntries(all.map((c) => {
      const r = decodeKeyBlob(c.blob);
      return [c.name, r.ok ? 'ok' : r.error.openssh];
    }));
    expect(said).toMatchObject({
      'rsa 768': 'Invalid key length',
      'short name ECDSA': 'invalid argument',
      'string too large': 'string is too large',
      'string incomplete': 'incomplete message',
      'curve mismatch': 'elliptic curve does not match',
      'small x': 'invalid elliptic curve value',
      'not on curve': 'invalid format',
      'point over 133 bytes': 'elliptic curve point is too large',
      'cert type 3, bad signature': 'unknown/unsupported certificate type',
      'CA is a certificate': 'invalid certificate signing key',
      'empty signature': 'invalid argument',
      'signed data over 1 MiB': 'invalid argument',
      'rsa signature = n': 'error in libcrypto',
      'rsa signature too long': 'key bits do not match',
      'rsa wrong digest length': 'invalid format',
      'rsa right digest, ssh-rsa name': 'invalid format',
      'rsa wrong digest': 'incorrect signature',
      'rsa trailing in signature': 'unexpected bytes remain after decoding',
      'webauthn short clientData': 'incomplete message',
    });
  });

  it('fingerprints re-encode the key as OpenSSH does', () => {
    const survivors = all.filter((c) => c.expect === 'ok');
    const ours = survivors.map((c) => {
      const r = decodeKeyBlob(c.blob);
      return r.ok ? r.key.fingerprint : '';
    });
    expect(ours).toEqual(fingerprints(survivors.map((c) => lineOf(c.label, c.blob))).map((f) => f.fingerprint));
    // Redundant mpint zeros, a final NUL or an alias change the bytes but not the key.
    const raw = (name: string) => {
      const c = survivors.find((s) => s.name === name);
      return c && `SHA256:${Buffer.from(sha256(c.blob)).toString('base64').replace(/=+$/, '')}`;
    };
    for (const name of ['rsa redundant zeros', 'name with final NUL', 'alias in blob', 'sk application with final NUL']) {
      expect(ours[survivors.findIndex((s) => s.name === name)]).not.toBe(raw(name));
    }
  });
});

describe('later OpenSSH releases', () => {
  const mldsa = w().string('ssh-mldsa44-ed25519@openssh.com').string(bytes(1344)).bytes();

  it('knows ML-DSA keys from 10.4 and cannot check an ML-DSA CA', () => {
    expect(decodeKeyBlob(mldsa, { openssh: '10.4' })).toMatchObject({ ok: true, key: { family: 'mldsa44-ed25519', bits: 256 } });
    expect(decodeKeyBlob(mldsa, { openssh: '10.3' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    const byMldsa = cert({ caBlob: mldsa, signer: () => w().string('ssh-mldsa44-ed25519@openssh.com').string(bytes(2484)).bytes() });
    expect(decodeKeyBlob(byMldsa, { openssh: '10.5' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('drops short names in 9.9 and DSA in 10.0', () => {
    const short = rsaBlob(modulus(2048), 'RSA');
    expect(decodeKeyBlob(short, { openssh: '9.8' }).ok).toBe(true);
    expect(decodeKeyBlob(short, { openssh: '9.9' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    const dsa = w().string('ssh-dss').mpint(modulus(1024)).mpint(modulus(160)).mpint(modulus(1000)).mpint(modulus(1000)).bytes();
    expect(decodeKeyBlob(dsa, { openssh: '9.7' })).toMatchObject({ ok: true, key: { family: 'dss', bits: 1024 } });
    expect(decodeKeyBlob(dsa, { openssh: '9.8' }).ok).toBe(false);
    expect(decodeKeyBlob(dsa, { openssh: '10.0' }).ok).toBe(false);
  });

  it('accepts the webauthn certificate name from 10.3', () => {
    const skEc = p256Pair();
    const blob = buildCert({ type: 'webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', keyFields: w().string('nistp256').string(skEc.point).string('ssh:').bytes(), caBlob, signer: caSigner }).blob;
    expect(decodeKeyBlob(blob, { openssh: '10.3' })).toMatchObject({ ok: true, key: { canonicalType: 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', family: 'ecdsa-sk' } });
  });
});
