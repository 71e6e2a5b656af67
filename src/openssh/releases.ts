/**
 * The OpenSSH releases whose configuration parsers the keyword tables describe,
 * plus the two things every table lookup needs besides a keyword: "as of which
 * release" (values that change between releases) and "built how" (keywords
 * that portable OpenSSH compiles in or out).
 *
 * Every release from 7.4 to 10.5 has a `V_X_Y_P1` tag in openssh-portable;
 * there are no gaps. scripts/extract-keywords.mjs --check verifies this list
 * against a mirror.
 */

export const RELEASES = [
  '7.4', '7.5', '7.6', '7.7', '7.8', '7.9',
  '8.0', '8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7', '8.8', '8.9',
  '9.0', '9.1', '9.2', '9.3', '9.4', '9.5', '9.6', '9.7', '9.8', '9.9',
  '10.0', '10.1', '10.2', '10.3', '10.4', '10.5',
] as const;

export type Release = (typeof RELEASES)[number];

export const OLDEST_RELEASE: Release = RELEASES[0];
export const NEWEST_RELEASE: Release = RELEASES[RELEASES.length - 1] as Release;

export function isRelease(text: string): text is Release {
  return (RELEASES as readonly string[]).includes(text);
}

/** Position in RELEASES; throws on a string that is not a covered release. */
export function releaseIndex(release: Release): number {
  const index = (RELEASES as readonly string[]).indexOf(release);
  if (index < 0) throw new Error(`not a covered OpenSSH release: ${release}`);
  return index;
}

export function compareRelease(a: Release, b: Release): number {
  return releaseIndex(a) - releaseIndex(b);
}

/** `release` >= `since` (both covered releases). */
export function isAtLeast(release: Release, since: Release): boolean {
  return releaseIndex(release) >= releaseIndex(since);
}

/**
 * True when `release` lies in [since, removedIn): `since` undefined means
 * "already in the oldest covered release", `removedIn` undefined means "still
 * in the newest".
 */
export function inRange(release: Release, since?: Release, removedIn?: Release): boolean {
  if (since !== undefined && !isAtLeast(release, since)) return false;
  if (removedIn !== undefined && isAtLeast(release, removedIn)) return false;
  return true;
}

// ----------------------------------------------------------- versioned values

/**
 * A value that changes between releases: each key is the first release where
 * the value holds, until the next key. Releases before the first key have no
 * value (undefined).
 *
 *     byRelease({ '7.4': flag(), '8.3': choice(['yes', 'no', 'shosts-only']) })
 */
export interface Versioned<T> {
  readonly byRelease: Readonly<Partial<Record<Release, T>>>;
}

export function byRelease<T>(changes: Partial<Record<Release, T>>): Versioned<T> {
  return { byRelease: changes };
}

export function isVersioned<T>(value: T | Versioned<T>): value is Versioned<T> {
  return typeof value === 'object' && value !== null && 'byRelease' in value;
}

/** The value in effect at `release`. */
export function atRelease<T>(value: T | Versioned<T>, release: Release): T | undefined {
  if (!isVersioned(value)) return value;
  let found: T | undefined;
  let foundIndex = -1;
  const target = releaseIndex(release);
  for (const [from, v] of Object.entries(value.byRelease) as [Release, T][]) {
    const index = releaseIndex(from);
    if (index <= target && index > foundIndex) {
      found = v;
      foundIndex = index;
    }
  }
  return found;
}

/** The releases where a versioned value changes (its keys, in release order). */
export function changePoints<T>(value: T | Versioned<T>): Release[] {
  if (!isVersioned(value)) return [];
  return (Object.keys(value.byRelease) as Release[]).sort(compareRelease);
}

// ---------------------------------------------------------------- build options

/**
 * Compile-time options of portable OpenSSH that change which keywords exist or
 * which values they accept. Names follow the configure/preprocessor symbols:
 *
 * - `pam`: USE_PAM (`--with-pam`). Without it UsePAM and PAMServiceName are
 *   "Unsupported option".
 * - `krb5`: KRB5 (`--with-kerberos5`): the sshd Kerberos* keywords.
 * - `afs`: USE_AFS, only meaningful with krb5: sshd KerberosGetAFSToken.
 * - `gssapi`: GSSAPI (comes with Kerberos): the GSSAPI* keywords of both programs.
 * - `lastlog`: *not* DISABLE_LASTLOG: sshd PrintLastLog.
 * - `zlib`: WITH_ZLIB: Compression yes/delayed (8.2+ can be built without zlib).
 * - `pkcs11`: ENABLE_PKCS11: ssh PKCS11Provider / SmartcardDevice.
 * - `rdomain`: routing-domain support (OpenBSD, or HAVE_SYS_SET_PROCESS_RDOMAIN).
 *   Without it sshd's RDomain keyword is fatal: "setting RDomain not supported
 *   on this platform." Linux builds, Debian's included, lack it [tested 9.2].
 * - `ssh1`: WITH_SSH1 (7.5 only, `--with-ssh1`): ssh RSAAuthentication,
 *   RhostsRSAAuthentication, CompressionLevel, Cipher stay real options.
 * - `debian-patches`: the Debian/Ubuntu patch set (gssapi.patch with GSSAPI key
 *   exchange, keepalive-extensions.patch, debian-banner.patch, debian-config
 *   defaults). Adds keywords upstream does not know; see `distro` in the tables.
 */
export type BuildFeature =
  | 'pam'
  | 'krb5'
  | 'afs'
  | 'gssapi'
  | 'lastlog'
  | 'zlib'
  | 'pkcs11'
  | 'rdomain'
  | 'ssh1'
  | 'debian-patches';

export interface BuildProfile {
  readonly name: string;
  readonly features: ReadonlySet<BuildFeature>;
}

export function buildProfile(name: string, features: readonly BuildFeature[]): BuildProfile {
  return { name, features: new Set(features) };
}

/**
 * How Debian and Ubuntu build OpenSSH (and what the local Debian 12 9.2p1
 * binaries used by the tests are): PAM, Kerberos 5 with GSSAPI, no AFS,
 * lastlog, zlib, PKCS#11, no routing domains, the Debian patches.
 */
export const DEBIAN_BUILD: BuildProfile = buildProfile('debian', [
  'pam',
  'krb5',
  'gssapi',
  'lastlog',
  'zlib',
  'pkcs11',
  'debian-patches',
]);

/**
 * A plain `./configure && make` of portable OpenSSH on Linux: no PAM, no
 * Kerberos/GSSAPI, lastlog, zlib, PKCS#11, no routing domains, no distro patches.
 */
export const MINIMAL_BUILD: BuildProfile = buildProfile('minimal', ['lastlog', 'zlib', 'pkcs11']);

/** OpenBSD's base-system OpenSSH (no PAM/Kerberos, routing domains). */
export const OPENBSD_BUILD: BuildProfile = buildProfile('openbsd', ['lastlog', 'zlib', 'pkcs11', 'rdomain']);

export const BUILD_PROFILES: Readonly<Record<'debian' | 'minimal' | 'openbsd', BuildProfile>> = {
  debian: DEBIAN_BUILD,
  minimal: MINIMAL_BUILD,
  openbsd: OPENBSD_BUILD,
};
