import { describe, expect, it } from 'vitest';
import { WireReader, WireWriter } from '../../src/ssh/index.js';

const reader = (...bytes: number[]) => new WireReader(Uint8Array.from(bytes));

describe('WireReader', () => {
  it('reads integers and strings', () => {
    const r = new WireReader(new WireWriter().u32(0xdeadbeef).u64(0xffffffffffffffffn).u8(7).string('hi').bytes());
    expect([r.u32(), r.u64(), r.u8(), r.cstring(), r.remaining, r.error]).toEqual([0xdeadbeef, 0xffffffffffffffffn, 7, 'hi', 0, null]);
  });

  it('keeps the first error and fails every read after it', () => {
    const r = reader(0, 0, 0, 9, 1, 2);
    expect(r.string()).toBeNull();
    expect(r.error).toBe('message-incomplete');
    expect(r.u8()).toBeNull();
    expect(r.position).toBe(0);
  });

  it('checks the size limit before the available data, like sshbuf_peek_string_direct', () => {
    expect((() => { const r = reader(0x08, 0, 0, 0); r.string(); return r.error; })()).toBe('string-too-large');
    expect((() => { const r = reader(0x07, 0xff, 0xff, 0xfc); r.string(); return r.error; })()).toBe('message-incomplete');
  });

  it('allows a NUL only at the end of a cstring', () => {
    expect(reader(0, 0, 0, 3, 0x61, 0x62, 0).cstring()).toBe('ab');
    const r = reader(0, 0, 0, 3, 0x61, 0, 0x62);
    expect(r.cstring()).toBeNull();
    expect(r.error).toBe('invalid-format');
  });

  it('applies the mpint rules of sshbuf_get_bignum2_bytes_direct', () => {
    expect(reader(0, 0, 0, 3, 0, 0, 0x80).mpint()).toEqual(Uint8Array.of(0x80));
    expect(reader(0, 0, 0, 0).mpint()).toEqual(new Uint8Array(0));
    const negative = reader(0, 0, 0, 1, 0x80);
    expect([negative.mpint(), negative.error]).toEqual([null, 'bignum-is-negative']);
    const max = new WireWriter().string(Uint8Array.from([0, ...new Uint8Array(2048).fill(0xff)])).bytes();
    expect(new WireReader(max).mpint()?.length).toBe(2048);
    const over = new WireReader(new WireWriter().string(Uint8Array.from([1, ...new Uint8Array(2048)])).bytes());
    expect([over.mpint(), over.error]).toEqual([null, 'bignum-too-large']);
  });

  it('writes canonical mpints', () => {
    expect(new WireWriter().mpint(Uint8Array.of(0, 0, 0x80)).bytes()).toEqual(Uint8Array.of(0, 0, 0, 2, 0, 0x80));
    expect(new WireWriter().mpint(Uint8Array.of(0)).bytes()).toEqual(Uint8Array.of(0, 0, 0, 0));
  });
});
