/**
 * Base64 exactly as OpenSSH reads the key field of a public key line: `b64_pton` from
 * openbsd-compat/base64.c (glibc's copy behaves the same), called by `sshbuf_b64tod`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** `isspace()` in the C locale: b64_pton skips these anywhere, CR and LF included. */
function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** OpenSSH's strings are C strings: a NUL ends the text. */
function cLength(text: string): number {
  const nul = text.indexOf('\0');
  return nul === -1 ? text.length : nul;
}

/**
 * Decodes like `b64_pton`; null wherever it returns -1.
 *
 * - whitespace is skipped anywhere, even between and after the `=` signs;
 * - without padding the input must end on a 4-digit boundary ("AAA" is rejected);
 * - `=` is only valid after 2 digits (then `==` is required) or 3 digits (`=`);
 * - after the padding only whitespace may follow, and the unused low bits of the
 *   last digit must be zero (no "subliminal channel");
 * - an empty or all-whitespace string decodes to zero bytes.
 */
export function decodeBase64(text: string): Uint8Array | null {
  return decodeCanonical(text) ?? decodeLikeBPton(text);
}

/**
 * The fast path (a 100,000-key file spends most of its decoding here): Node's native decoder,
 * trusted only for text that is exactly what encoding its result gives back. That is padded
 * base64 of the standard alphabet with zero unused bits, where it and b64_pton agree; Node is
 * laxer elsewhere (it skips bad characters, ignores the unused bits), so the rest goes to the
 * exact decoder.
 */
function decodeCanonical(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** b64_pton itself, character by character: the reference the fast path must agree with. */
export function decodeLikeBPton(text: string): Uint8Array | null {
  const end = cLength(text);
  const out = new Uint8Array(Math.floor((end * 3) / 4) + 1);
  let length = 0; // complete bytes; out[length] holds the pending partial byte
  let state = 0; // digits seen modulo 4
  let i = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isCSpace(c)) continue;
    if (c === PAD) break;
    const digit = c < 128 ? (DIGIT[c] ?? -1) : -1;
    if (digit < 0) return null;
    switch (state) {
      case 0:
        out[length] = digit << 2;
        break;
      case 1:
        out[length] = (out[length] ?? 0) | (digit >> 4);
        out[++length] = (digit & 0x0f) << 4;
        break;
      case 2:
        out[length] = (out[length] ?? 0) | (digit >> 2);
        out[++length] = (digit & 0x03) << 6;
        break;
      default:
        out[length] = (out[length] ?? 0) | digit;
        length++;
    }
    state = (state + 1) % 4;
  }

  if (i === end) return state === 0 ? out.slice(0, length) : null;

  // A pad character: one byte of data after 2 digits, two after 3.
  if (state < 2) return null;
  i++;
  if (state === 2) {
    while (i < end && isCSpace(text.charCodeAt(i))) i++;
    if (i === end || text.charCodeAt(i) !== PAD) return null;
    i++;
  }
  for (; i < end; i++) if (!isCSpace(text.charCodeAt(i))) return null;
  if (out[length] !== 0) return null;
  return out.slice(0, length);
}

/** Standard padded base64, as OpenSSH writes keys (`b64_ntop`). */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
