import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeKeyBlob } from '../../src/ssh/index.js';
import { buildCert, ed25519Pair, ed25519Signer, p256Pair, rsaPair, skEcdsaBlob, w } from './build.js';

const ca = ed25519Pair();
const rsa = rsaPair(1024);
const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
const seeds = [
  w().string('ssh-ed25519').string(ed25519Pair().pk).bytes(),
  rsa.blob,
  w().string('ecdsa-sha2-nistp384').string('nistp384').string(Uint8Array.from([4, ...Buffer.from(ec.x ?? '', 'base64url'), ...Buffer.from(ec.y ?? '', 'base64url')])).bytes(),
  skEcdsaBlob(p256Pair().point),
  buildCert({
    type: 'ssh-ed25519-cert-v01@openssh.com',
    keyFields: w().string(ed25519Pair().pk).bytes(),
    caBlob: w().string('ssh-ed25519').string(ca.pk).bytes(),
    signer: ed25519Signer(ca.privateKey),
  }).blob,
];

/** A seed blob with a few bytes overwritten, inserted or cut. */
const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'cut')), { maxLength: 4 }))
  .map(([seed, edits]) => {
    const bytes = [...seed];
    for (const [at, value, how] of edits) {
      const i = at % (bytes.length + 1);
      if (how === 'set') bytes[i] = value;
      else if (how === 'insert') bytes.splice(i, 0, value);
      else bytes.length = Math.min(bytes.length, i);
    }
    return Uint8Array.from(bytes);
  });

describe('decoding never throws', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(typeof decodeKeyBlob(bytes).ok).toBe('boolean');
    }), { numRuns: 2000 });
  });

  it('on mutations of valid blobs', () => {
    expect(seeds.every((s) => decodeKeyBlob(s).ok)).toBe(true);
    fc.assert(fc.property(mutated, (bytes) => {
      const result = decodeKeyBlob(bytes);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }), { numRuns: 3000 });
  });

  it('on random text given to decodeBase64', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'AQgw/+=\r\n\t \v\f-*é\0'.split('')) }), (text) => {
      const out = decodeBase64(text);
      expect(out === null || out instanceof Uint8Array).toBe(true);
    }), { numRuns: 3000 });
  });
});
