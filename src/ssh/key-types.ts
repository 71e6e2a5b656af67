/**
 * The public key types OpenSSH knows (the `keyimpls[]` table in sshkey.c), with the
 * OpenSSH versions that brought and dropped them.
 */

import { compareReleases } from '../core/version.js';

export type KeyFamily = 'rsa' | 'dss' | 'ecdsa' | 'ed25519' | 'ecdsa-sk' | 'ed25519-sk' | 'xmss' | 'mldsa44-ed25519';
export type EcCurve = 'nistp256' | 'nistp384' | 'nistp521';

export interface KeyType {
  /** The name in key lines and blobs, e.g. `ssh-ed25519-cert-v01@openssh.com`. */
  name: string;
  family: KeyFamily;
  certificate: boolean;
  curve?: EcCurve;
  /** The plain key type; for a plain key, `name` itself. */
  plainName: string;
  /** `sshkey_type()`: what `ssh-keygen -l` prints in parentheses, e.g. `ED25519-CERT`. */
  shortName: string;
  /** First OpenSSH release that knows it; absent for types older than certificates (5.6). */
  since?: string;
  /** First OpenSSH release that no longer knows it. */
  removed?: string;
  /**
   * From this release on, default builds leave the type out and only builds
   * configured with `buildFlag` have it (DSA from 9.8; XMSS always).
   */
  optionalFrom?: string;
  buildFlag?: string;
}

interface Family {
  family: KeyFamily;
  name: string;
  shortName: string;
  certName: string;
  curve?: EcCurve;
  since?: string;
  certSince?: string;
  removed?: string;
  optionalFrom?: string;
  buildFlag?: string;
}

const FAMILIES: readonly Family[] = [
  { family: 'rsa', name: 'ssh-rsa', shortName: 'RSA', certName: 'ssh-rsa-cert-v01@openssh.com', certSince: '5.6' },
  {
    family: 'dss',
    name: 'ssh-dss',
    shortName: 'DSA',
    certName: 'ssh-dss-cert-v01@openssh.com',
    certSince: '5.6',
    optionalFrom: '9.8',
    buildFlag: '--enable-dsa-keys',
    removed: '10.0',
  },
  ...(['nistp256', 'nistp384', 'nistp521'] as const).map(
    (curve): Family => ({
      family: 'ecdsa',
      name: `ecdsa-sha2-${curve}`,
      shortName: 'ECDSA',
      certName: `ecdsa-sha2-${curve}-cert-v01@openssh.com`,
      curve,
      since: '5.7',
    }),
  ),
  {
    family: 'ed25519',
    name: 'ssh-ed25519',
    shortName: 'ED25519',
    certName: 'ssh-ed25519-cert-v01@openssh.com',
    since: '6.5',
  },
  {
    family: 'ecdsa-sk',
    name: 'sk-ecdsa-sha2-nistp256@openssh.com',
    shortName: 'ECDSA-SK',
    certName: 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
    curve: 'nistp256',
    since: '8.2',
  },
  {
    family: 'ed25519-sk',
    name: 'sk-ssh-ed25519@openssh.com',
    shortName: 'ED25519-SK',
    certName: 'sk-ssh-ed25519-cert-v01@openssh.com',
    since: '8.2',
  },
  {
    family: 'xmss',
    name: 'ssh-xmss@openssh.com',
    shortName: 'XMSS',
    certName: 'ssh-xmss-cert-v01@openssh.com',
    since: '7.7',
    optionalFrom: '7.7',
    buildFlag: 'WITH_XMSS',
    removed: '10.1',
  },
  {
    family: 'mldsa44-ed25519',
    name: 'ssh-mldsa44-ed25519@openssh.com',
    shortName: 'MLDSA44-ED25519',
    certName: 'ssh-mldsa44-ed25519-cert-v01@openssh.com',
    since: '10.4',
  },
];

function entry(f: Family, certificate: boolean): KeyType {
  const { family, curve, removed, optionalFrom, buildFlag } = f;
  const since = certificate ? (f.certSince ?? f.since) : f.since;
  return {
    name: certificate ? f.certName : f.name,
    family,
    certificate,
    ...(curve ? { curve } : {}),
    plainName: f.name,
    shortName: certificate ? `${f.shortName}-CERT` : f.shortName,
    ...(since ? { since } : {}),
    ...(removed ? { removed } : {}),
    ...(optionalFrom ? { optionalFrom } : {}),
    ...(buildFlag ? { buildFlag } : {}),
  };
}

/** Every key type, plain ones first. */
export const KEY_TYPES: readonly KeyType[] = [
  ...FAMILIES.map((f) => entry(f, false)),
  ...FAMILIES.map((f) => entry(f, true)),
];

/**
 * Names that select a signature algorithm rather than a key type. OpenSSH's
 * `peek_type_nid` still accepts them at the start of a key line, as the key type
 * they sign with (`rsa-sha2-512 AAAAB3NzaC1yc2E...` loads as an ssh-rsa key).
 */
export interface SignatureAlgorithm {
  name: string;
  /** The key type OpenSSH reads it as. */
  keyType: string;
  since: string;
}

export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = [
  { name: 'rsa-sha2-256', keyType: 'ssh-rsa', since: '7.2' },
  { name: 'rsa-sha2-512', keyType: 'ssh-rsa', since: '7.2' },
  { name: 'rsa-sha2-256-cert-v01@openssh.com', keyType: 'ssh-rsa-cert-v01@openssh.com', since: '7.8' },
  { name: 'rsa-sha2-512-cert-v01@openssh.com', keyType: 'ssh-rsa-cert-v01@openssh.com', since: '7.8' },
  {
    name: 'webauthn-sk-ecdsa-sha2-nistp256@openssh.com',
    keyType: 'sk-ecdsa-sha2-nistp256@openssh.com',
    since: '8.4',
  },
  {
    name: 'webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
    keyType: 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
    since: '10.3',
  },
];

const BY_NAME = new Map(KEY_TYPES.map((t) => [t.name, t]));
const SIGNATURE_BY_NAME = new Map(SIGNATURE_ALGORITHMS.map((s) => [s.name, s]));

export function signatureAlgorithmByName(name: string): SignatureAlgorithm | undefined {
  return SIGNATURE_BY_NAME.get(name);
}

/**
 * The key type a key line's first field selects, exactly as `peek_type_nid` does:
 * case-sensitive, and signature algorithm names resolve to their key type.
 * With `openssh`, only names a default build of that release knows.
 */
export function keyTypeByName(name: string, openssh?: string): KeyType | undefined {
  const alias = SIGNATURE_BY_NAME.get(name);
  const keyType = BY_NAME.get(alias ? alias.keyType : name);
  if (openssh === undefined || !keyType) return keyType;
  return isKnownIn(keyType, openssh) && (!alias || isKnownIn(alias, openssh)) ? keyType : undefined;
}

/** Whether a default build of that OpenSSH release knows the name (type or alias). */
export function isKnownIn(t: { since?: string; removed?: string; optionalFrom?: string }, version: string): boolean {
  const before = (v: string | undefined) => v !== undefined && compareReleases(version, v) < 0;
  const atOrAfter = (v: string | undefined) => v !== undefined && compareReleases(version, v) >= 0;
  return !before(t.since) && !atOrAfter(t.removed) && !atOrAfter(t.optionalFrom);
}
