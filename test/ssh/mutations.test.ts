/**
 * Damaged blobs: every truncation, every flipped byte, trailing garbage and label
 * mismatches, each judged by the real `ssh-keygen -L` (one run per batch).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KEY_TYPES, SIGNATURE_ALGORITHMS, decodeKeyBlob, encodeBase64, isKnownIn } from '../../src/ssh/index.js';
import { blobOf, lineOf } from './build.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { describeWithKeygen, expectSameVerdicts, fingerprints } from './oracle.js';

const labelOf = (line: string) => line.split(' ')[0] ?? '';

/** Where the signature field starts: the last string, holding string(algorithm) first. */
function signatureOffset(blob: Uint8Array, algorithm: string): number {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let at = 0; at + 8 + algorithm.length <= blob.length; at++) {
    if (
      view.getUint32(at) === blob.length - at - 4 &&
      view.getUint32(at + 4) === algorithm.length &&
      Buffer.from(blob.subarray(at + 8, at + 8 + algorithm.length)).toString() === algorithm
    ) {
      return at;
    }
  }
  throw new Error('no signature found');
}

describeWithKeygen('damaged blobs are judged as ssh-keygen judges them', () => {
  let fx: Fixtures;
  let all: string[];
  beforeAll(() => {
    fx = makeFixtures();
    all = [...Object.values(fx.plain), ...Object.values(fx.certs)];
  }, 180_000);
  afterAll(() => fx?.remove());

  it('truncated at every byte length', () => {
    const lines = all.flatMap((line) => {
      const blob = blobOf(line);
      return Array.from({ length: blob.length }, (_, n) => lineOf(labelOf(line), blob.subarray(0, n)));
    });
    expect(lines.length).toBeGreaterThan(10_000);
    const theirs = expectSameVerdicts(lines);
    expect(theirs.every((v) => v.kind === 'error')).toBe(true);
    const codes = new Set(lines.map((l) => {
      const r = decodeKeyBlob(blobOf(l));
      return r.ok ? 'ok' : r.error.code;
    }));
    expect([...codes].sort()).toEqual(['truncated']);
  });

  it('every byte of every certificate flipped; signatures never survive', () => {
    const lines: string[] = [];
    let inSignature = 0;
    for (const line of Object.values(fx.certs)) {
      const blob = blobOf(line);
      const result = decodeKeyBlob(blob);
      if (!result.ok || !result.key.cert) throw new Error('fixture must decode');
      const sigAt = signatureOffset(blob, result.key.cert.signatureAlgorithm);
      for (let i = 0; i < blob.length; i++) {
        for (const mask of i >= sigAt ? [0x01, 0x80] : [0x01]) {
          const copy = Uint8Array.from(blob);
          copy[i] = (copy[i] ?? 0) ^ mask;
          lines.push(lineOf(labelOf(line), copy));
          if (i >= sigAt + 4) inSignature++;
        }
      }
    }
    const theirs = expectSameVerdicts(lines);
    expect(inSignature).toBeGreaterThan(2000);
    // No single flip keeps a certificate valid: ssh-keygen and we reject them all.
    expect(theirs.filter((v) => v.kind === 'cert')).toEqual([]);
    const reasons = new Set(theirs.map((v) => (v.kind === 'error' ? v.reason : v.kind)));
    expect(reasons).toContain('incorrect signature');
    expect(reasons).toContain('error in libcrypto');
    expect(reasons).toContain('invalid certificate signing key');
  });

  it('every byte of every plain key flipped, fingerprints of survivors included', () => {
    const lines = Object.values(fx.plain).flatMap((line) => {
      const blob = blobOf(line);
      return Array.from({ length: blob.length }, (_, i) => {
        const copy = Uint8Array.from(blob);
        copy[i] = (copy[i] ?? 0) ^ 0x04;
        return lineOf(labelOf(line), copy);
      });
    });
    const theirs = expectSameVerdicts(lines);
    const survivors = lines.filter((_, i) => theirs[i]?.kind === 'plain');
    expect(survivors.length).toBeGreaterThan(1000);
    expect(survivors.length).toBeLessThan(lines.length);
    const ours = survivors.map((l) => {
      const r = decodeKeyBlob(blobOf(l));
      return r.ok ? r.key.fingerprint : r.error.message;
    });
    expect(ours).toEqual(fingerprints(survivors).map((f) => f.fingerprint));
  });

  it('trailing bytes after the key or certificate', () => {
    const lines = all.flatMap((line) => {
      const blob = blobOf(line);
      return [Uint8Array.of(0), Uint8Array.of(0, 0, 0, 0), new TextEncoder().encode('garbage')].map((tail) =>
        lineOf(labelOf(line), Uint8Array.from([...blob, ...tail])),
      );
    });
    const theirs = expectSameVerdicts(lines);
    expect(new Set(theirs.map((v) => (v.kind === 'error' ? v.reason : v.kind)))).toEqual(new Set(['invalid format']));
    const r = decodeKeyBlob(blobOf(lines[0] ?? ''));
    expect(r.ok ? 'ok' : r.error.code).toBe('trailing-data');
  });

  it('every key under every label OpenSSH 9.2 knows, signature algorithm names included', () => {
    const labels = [...KEY_TYPES, ...SIGNATURE_ALGORITHMS].filter((t) => isKnownIn(t, '9.2')).map((t) => t.name);
    expect(labels).toHaveLength(21);
    const lines = all.flatMap((line) => labels.map((label) => `${label} ${line.split(' ')[1]} c`));
    const theirs = expectSameVerdicts(lines);
    const accepted = lines.filter((_, i) => theirs[i]?.kind !== 'error').map(labelOf);
    // An ssh-rsa key loads under its own name and both rsa-sha2 names.
    expect(accepted.filter((l) => l.startsWith('rsa-sha2-') && !l.includes('cert'))).toHaveLength(2 * 4);
    expect(theirs.some((v) => v.kind === 'error' && v.reason === 'elliptic curve does not match')).toBe(true);
    expect(theirs.some((v) => v.kind === 'error' && v.reason === 'key type does not match')).toBe(true);
  });

  it('encodes lines the way the tests expect', () => {
    expect(encodeBase64(blobOf(fx.plain.ed25519 ?? ''))).toBe(fx.plain.ed25519?.split(' ')[1]);
  });
});
