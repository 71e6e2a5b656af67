/** OpenSSH release numbers, compared as (major, minor). */
export interface OpenSSHVersion {
  major: number;
  minor: number;
}

/** The releases whose facts the tables hold; the newest is the default target. */
export const OLDEST_KNOWN_VERSION: OpenSSHVersion = { major: 7, minor: 4 };
export const NEWEST_KNOWN_VERSION: OpenSSHVersion = { major: 10, minor: 5 };

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
  const other = parseVersion(since);
  if (!other) throw new Error(`bad version literal ${since}`);
  return compareVersions(version, other) >= 0;
}
