import { NEWEST_RELEASE, OLDEST_RELEASE } from '../openssh/releases.js';

/** OpenSSH release numbers, compared as (major, minor). */
export interface OpenSSHVersion {
  major: number;
  minor: number;
}

/** The releases whose facts the tables hold (src/openssh/releases.ts); the newest is the default target. */
export const OLDEST_KNOWN_VERSION: OpenSSHVersion = parseVersion(OLDEST_RELEASE)!;
export const NEWEST_KNOWN_VERSION: OpenSSHVersion = parseVersion(NEWEST_RELEASE)!;

export function parseVersion(text: string): OpenSSHVersion | undefined {
  const match = /^(\d{1,2})\.(\d{1,2})(?:p\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function formatVersion(version: OpenSSHVersion): string {
  return `${version.major}.${version.minor}`;
}

export function compareVersions(a: OpenSSHVersion, b: OpenSSHVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

/** True when `version` is at least `since` (a "X.Y" string from a fact table). */
export function atLeast(version: OpenSSHVersion, since: string): boolean {
  return compareVersions(version, releaseLiteral(since)) >= 0;
}

/** Compares release strings from the fact tables ("9.2" < "9.10" < "10.0"). */
export function compareReleases(a: string, b: string): number {
  return compareVersions(releaseLiteral(a), releaseLiteral(b));
}

/** Parsed once each: key reading compares the same few literals for every line of a file. */
const releaseLiterals = new Map<string, OpenSSHVersion>();

function releaseLiteral(text: string): OpenSSHVersion {
  let version = releaseLiterals.get(text);
  if (version) return version;
  version = parseVersion(text);
  if (!version) throw new Error(`bad version literal ${text}`);
  releaseLiterals.set(text, version);
  return version;
}
