/**
 * SSH wire format (RFC 4251 §5) with OpenSSH's own `sshbuf` rules and limits.
 * The reader never throws and never copies: every read is O(length read).
 */

/** sshbuf.h: no buffer, so no string, may exceed this. */
export const SSHBUF_SIZE_MAX = 0x8000000;
/** sshbuf.h: the largest mpint magnitude, in bytes (16384 bits). */
export const SSHBUF_MAX_BIGNUM = 16384 / 8;
/** sshbuf.h: the largest EC point, in bytes (an uncompressed P-521 point). */
export const SSHBUF_MAX_ECPOINT = (528 * 2) / 8 + 1;

/** The sshbuf failures, named after OpenSSH's SSH_ERR_* codes. */
export type WireError =
  | 'message-incomplete'
  | 'string-too-large'
  | 'invalid-format'
  | 'bignum-is-negative'
  | 'bignum-too-large';

/** What `ssh_err()` prints for each, so callers can quote OpenSSH. */
export const WIRE_ERROR_TEXT: Readonly<Record<WireError, string>> = {
  'message-incomplete': 'incomplete message',
  'string-too-large': 'string is too large',
  'invalid-format': 'invalid format',
  'bignum-is-negative': 'bignum is negative',
  'bignum-too-large': 'bignum is too large',
};

const utf8 = new TextDecoder('utf-8');

/** Text for display: OpenSSH keeps raw bytes; invalid UTF-8 shows as U+FFFD. */
export function bytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Big-endian; a DataView per field cost a tenth of decoding a large authorized_keys. */
function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * Reads big-endian SSH fields. A failed read returns null and records the first
 * error in `error`; after that every read fails, so a decoder can check once.
 */
export class WireReader {
  private offset = 0;
  error: WireError | null = null;

  constructor(private readonly bytes: Uint8Array) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Bytes read so far. */
  get position(): number {
    return this.offset;
  }

  private fail(error: WireError): null {
    this.error ??= error;
    return null;
  }

  private take(length: number): Uint8Array | null {
    if (this.error !== null) return null;
    if (this.remaining < length) return this.fail('message-incomplete');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  u8(): number | null {
    const b = this.take(1);
    return b === null ? null : (b[0] ?? 0);
  }

  u32(): number | null {
    const b = this.take(4);
    return b === null ? null : readU32(b, 0);
  }

  u64(): bigint | null {
    const b = this.take(8);
    return b === null ? null : new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0);
  }

  /** `sshbuf_get_string_direct`: a length-prefixed byte string. */
  string(): Uint8Array | null {
    if (this.error !== null) return null;
    if (this.remaining < 4) return this.fail('message-incomplete');
    const length = readU32(this.bytes, this.offset);
    // sshbuf_peek_string_direct checks the size limit before the available data.
    if (length > SSHBUF_SIZE_MAX - 4) return this.fail('string-too-large');
    if (this.remaining - 4 < length) return this.fail('message-incomplete');
    this.offset += 4;
    return this.take(length);
  }

  /**
   * `sshbuf_get_cstring`: a string that may hold a NUL only as its last byte.
   * That NUL is dropped, since OpenSSH then only ever sees the C string before it.
   */
  cstringBytes(): Uint8Array | null {
    const s = this.string();
    if (s === null) return null;
    const nul = s.indexOf(0);
    if (nul === -1) return s;
    return nul === s.length - 1 ? s.subarray(0, nul) : this.fail('invalid-format');
  }

  cstring(): string | null {
    const s = this.cstringBytes();
    return s === null ? null : bytesToText(s);
  }

  /**
   * `sshbuf_get_bignum2_bytes_direct`: a non-negative mpint of at most 16384 bits.
   * Returns the magnitude without leading zeros (OpenSSH accepts redundant ones).
   */
  mpint(): Uint8Array | null {
    const s = this.string();
    if (s === null) return null;
    const first = s[0] ?? 0;
    if ((first & 0x80) !== 0) return this.fail('bignum-is-negative');
    if (s.length > SSHBUF_MAX_BIGNUM + 1 || (s.length === SSHBUF_MAX_BIGNUM + 1 && first !== 0)) {
      return this.fail('bignum-too-large');
    }
    let lead = 0;
    while (lead < s.length && s[lead] === 0) lead++;
    return s.subarray(lead);
  }

  /** `sshbuf_froms`: a string read as a nested buffer. */
  reader(): WireReader | null {
    const s = this.string();
    return s === null ? null : new WireReader(s);
  }
}

const utf8Encoder = new TextEncoder();

const ZERO_BYTE = Uint8Array.of(0);

/**
 * Builds wire-format bytes, e.g. the canonical blob OpenSSH hashes for fingerprints (once per
 * key line, so lengths are kept as numbers and everything is copied into one array at the end).
 */
export class WireWriter {
  /** Byte strings, and u32 values still to be written. */
  private readonly chunks: (Uint8Array | number)[] = [];
  /** Bytes written so far. */
  length = 0;

  raw(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }

  u8(value: number): this {
    return this.raw(Uint8Array.of(value & 0xff));
  }

  u32(value: number): this {
    this.chunks.push(value >>> 0);
    this.length += 4;
    return this;
  }

  u64(value: bigint): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, value));
    return this.raw(b);
  }

  string(bytes: Uint8Array | string): this {
    const b = typeof bytes === 'string' ? utf8Encoder.encode(bytes) : bytes;
    return this.u32(b.length).raw(b);
  }

  /** `sshbuf_put_bignum2_bytes`: strip leading zeros, add one back if the top bit is set. */
  mpint(magnitude: Uint8Array): this {
    let lead = 0;
    while (lead < magnitude.length && magnitude[lead] === 0) lead++;
    const m = magnitude.subarray(lead);
    const pad = m.length > 0 && ((m[0] ?? 0) & 0x80) !== 0;
    return pad ? this.u32(m.length + 1).raw(ZERO_BYTE).raw(m) : this.u32(m.length).raw(m);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      if (typeof c === 'number') {
        out[at] = c >>> 24;
        out[at + 1] = c >>> 16;
        out[at + 2] = c >>> 8;
        out[at + 3] = c;
        at += 4;
      } else {
        out.set(c, at);
        at += c.length;
      }
    }
    return out;
  }
}
