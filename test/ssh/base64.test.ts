import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/ssh/index.js';
import { w } from './build.js';
import { describeWithKeygen, expectSameVerdicts } from './oracle.js';

const hex = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('hex'));

describe('decodeBase64 (b64_pton)', () => {
  it.each([
    ['', ''],
    ['AAAA', '000000'],
    ['/w==', 'ff'],
    ['//8=', 'ffff'],
    ['A A\tA\rA\n', '000000'],
    ['/w= =', 'ff'],
    ['/w==\r\n', 'ff'],
    ['//8=\v', 'ffff'],
    [' \r\n', ''],
    ['AAAA\0garbage', '000000'],
  ])('accepts %j', (text, expected) => {
    expect(hex(decodeBase64(text))).toBe(expected);
  });

  it.each([
    'AAA', // unpadded partial quantum
    'AA',
    'A',
    'AAAA=', // pad after a full quantum
    'A===',
    '/w=', // one pad where two are needed
    '/x==', // non-zero bits after the last byte
    '//9=',
    '/w==A',
    '//8==',
    'AA-_',
    'AA*A',
    'AAÀA',
  ])('rejects %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('round-trips with encodeBase64', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    expect(encodeBase64(Uint8Array.of(0xff))).toBe('/w==');
  });
});

describeWithKeygen('base64 variants of a key field, judged by ssh-keygen', () => {
  it('accepts and rejects what OpenSSH does', () => {
    const pk = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
    const key = (app: string) => encodeBase64(w().string('sk-ssh-ed25519@openssh.com').string(pk).string(app).bytes());
    const two = key('ssh:xy'); // 76 bytes: ends in "=="
    const one = key('ssh:'); // 74 bytes: ends in "="
    const none = key('ssh:x'); // 75 bytes: no padding
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    /** Sets the lowest bit of the digit `back` places from the end: bits that must be zero. */
    const slop = (s: string, back: number) => {
      const at = s.length - back;
      return s.slice(0, at) + ALPHABET[ALPHABET.indexOf(s[at] ?? 'A') | 1] + s.slice(at + 1);
    };
    const variants: [string, 'plain' | 'error'][] = [
      [none, 'plain'],
      [`${none}\r`, 'plain'],
      [`${none.slice(0, 10)}\v${none.slice(10)}\f`, 'plain'],
      [`${none}=`, 'error'],
      [`${none}==`, 'error'],
      [none.slice(0, -1), 'error'],
      [`${none.slice(0, 20)}=${none.slice(20)}`, 'error'],
      [`${none.slice(0, 20)}-${none.slice(20)}`, 'error'],
      [two, 'plain'],
      [`${two.slice(0, -1)}\v=`, 'plain'],
      [`${two}\r`, 'plain'],
      [two.slice(0, -1), 'error'],
      [two.slice(0, -2), 'error'],
      [`${two}=`, 'error'],
      [slop(two, 3), 'error'],
      [`${two}\rA`, 'error'],
      [one, 'plain'],
      [`${one}\r`, 'plain'],
      [one.slice(0, -1), 'error'],
      [`${one}=`, 'error'],
      [slop(one, 2), 'error'],
    ];
    const theirs = expectSameVerdicts(variants.map(([v]) => `sk-ssh-ed25519@openssh.com ${v} c`));
    expect(theirs.map((v) => v.kind)).toEqual(variants.map(([, kind]) => kind));
  });
});
