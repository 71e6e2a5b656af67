/**
 * The few DER reads the private-key parser needs: the outer length of a structure (is this a
 * whole PKCS#8 blob or a truncated paste?) and the integers of a DSA public key. Node parses
 * keys itself but has no ASN.1 reader, and DSA keys cannot be exported as JWK.
 */

export interface Tlv {
  tag: number;
  /** Offset of the contents. */
  start: number;
  /** Offset just past the contents. */
  end: number;
}

/** The element at `offset`, or undefined when its header or contents run past `limit`. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // Indefinite lengths are BER, and four length bytes already exceed any key.
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  return end > limit ? undefined : { tag, start, end };
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;

/** The bytes are exactly one DER SEQUENCE, nothing missing, nothing after it. */
export function isWholeSequence(bytes: Uint8Array): boolean {
  const outer = readTlv(bytes, 0);
  return outer !== undefined && outer.tag === SEQUENCE && outer.end === bytes.length;
}

/** The elements directly inside the constructed element `parent`. */
function children(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const found: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(bytes, offset, parent.end);
    if (child === undefined) return undefined;
    found.push(child);
    offset = child.end;
  }
  return found;
}

/**
 * p, q, g and y of a DSA SubjectPublicKeyInfo (RFC 3279 §2.3.2):
 * SEQUENCE { SEQUENCE { OID, SEQUENCE { p, q, g } }, BIT STRING { INTEGER y } }.
 */
export function dsaPublicIntegers(spki: Uint8Array): Uint8Array[] | undefined {
  const outer = readTlv(spki, 0);
  const [algorithm, key] = (outer && children(spki, outer)) ?? [];
  const [, params] = (algorithm && children(spki, algorithm)) ?? [];
  const pqg = params && children(spki, params);
  // A BIT STRING's contents start with the count of unused bits (0 here).
  const y = key?.tag === BIT_STRING ? readTlv(spki, key.start + 1, key.end) : undefined;
  const integers = [...(pqg ?? []), ...(y ? [y] : [])];
  if (integers.length !== 4 || integers.some((tlv) => tlv.tag !== INTEGER)) return undefined;
  return integers.map((tlv) => spki.subarray(tlv.start, tlv.end));
}
