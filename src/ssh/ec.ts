/** NIST prime curves and OpenSSH's checks on a public point (ssh-ecdsa.c, sshkey.c). */
import { bitLength, toBigInt } from './bigint.js';
import type { EcCurve } from './key-types.js';

export interface Curve {
  /** OpenSSL/JWK name. */
  jwk: 'P-256' | 'P-384' | 'P-521';
  bits: number;
  /** Bytes of one coordinate. */
  size: number;
  p: bigint;
  b: bigint;
  /** The group order (all three curves have cofactor 1). */
  n: bigint;
  hash: 'sha256' | 'sha384' | 'sha512';
}

export const CURVES: Readonly<Record<EcCurve, Curve>> = {
  nistp256: {
    jwk: 'P-256',
    bits: 256,
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    hash: 'sha256',
  },
  nistp384: {
    jwk: 'P-384',
    bits: 384,
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    hash: 'sha384',
  },
  nistp521: {
    jwk: 'P-521',
    bits: 521,
    size: 66,
    p: (1n << 521n) - 1n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    hash: 'sha512',
  },
};

/**
 * Why OpenSSH refuses an encoded point, with the ssh_err() text it reports:
 * `EC_POINT_oct2point` failures come back as "invalid format";
 * `sshkey_ec_validate_public` failures as "invalid elliptic curve value".
 */
export type PointProblem = { reason: string; openssh: string };

export function checkPoint(curve: Curve, point: Uint8Array): PointProblem | null {
  const format = (reason: string) => ({ reason, openssh: 'invalid format' });
  const value = (reason: string) => ({ reason, openssh: 'invalid elliptic curve value' });
  if (point[0] !== 0x04) return format('the point is not in uncompressed form (0x04 prefix)');
  if (point.length !== 1 + 2 * curve.size) {
    return format(`the point is ${point.length} bytes; ${1 + 2 * curve.size} expected for this curve`);
  }
  const x = toBigInt(point.subarray(1, 1 + curve.size));
  const y = toBigInt(point.subarray(1 + curve.size));
  const { p, b, n } = curve;
  if (x >= p || y >= p) return format('a point coordinate is not below the field prime');
  if ((y * y - (x * x * x - 3n * x + b)) % p !== 0n) return format('the point is not on the curve');
  // sshkey_ec_validate_public: reject suspiciously small coordinates and any
  // coordinate >= order - 1 (stricter than the curve itself needs).
  const half = Math.floor(bitLength(n) / 2);
  if (bitLength(x) <= half || bitLength(y) <= half) return value(`a point coordinate has ${half} bits or fewer`);
  if (x >= n - 1n || y >= n - 1n) return value('a point coordinate is not below the group order minus one');
  return null;
}
