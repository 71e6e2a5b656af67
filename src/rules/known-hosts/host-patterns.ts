/**
 * The host field of a known_hosts line, matched as ssh matches it (OpenSSH match.c
 * `match_pattern`, `match_pattern_list`, `match_hostname`; hostfile.c `match_maybe_hashed`,
 * `host_hash`). Shared by the known_hosts rules; not a rule itself.
 */
import { asciiLower, matchHostList } from '../../openssh/match.js';
import { createHmac } from 'node:crypto';
import type { Range } from '../../parse/read-key.js';
import { decodeBase64 } from '../../ssh/base64.js';

export interface HostPattern {
  /** The pattern as written, `!` included. */
  text: string;
  negated: boolean;
  /** The pattern without its `!`. */
  body: string;
  /** Where the pattern (with its `!`) sits in the line. */
  range: Range;
}

/** The comma-separated patterns of a host field whose text starts at `start` in the line. */
export function splitHostPatterns(hosts: { text: string; range: Range }): HostPattern[] {
  const patterns: HostPattern[] = [];
  let at = 0;
  for (const text of hosts.text.split(',')) {
    const negated = text.startsWith('!');
    const start = hosts.range.start + at;
    patterns.push({ text, negated, body: negated ? text.slice(1) : text, range: { start, end: start + text.length } });
    at += text.length + 1;
  }
  return patterns;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** `match_maybe_hashed` treats a field as hashed when its first character is `|`. */
export function isHashedField(hosts: string): boolean {
  return hosts.startsWith('|');
}

const HASH_MAGIC = '|1|';

/** The 20-byte salt of a hashed field (the parser has already rejected fields without one). */
function saltOf(hosts: string): Uint8Array | null {
  const end = hosts.indexOf('|', HASH_MAGIC.length);
  if (!hosts.startsWith(HASH_MAGIC) || end === -1) return null;
  return decodeBase64(hosts.slice(HASH_MAGIC.length, end));
}

/** `host_hash(host, field)`: the `|1|salt|hash` text ssh computes for `host` with the field's salt. */
export function hashHost(host: string, hosts: string): string | null {
  const salt = saltOf(hosts);
  if (!salt) return null;
  const hash = createHmac('sha1', salt).update(host, 'utf8').digest('base64');
  return `${HASH_MAGIC}${Buffer.from(salt).toString('base64')}|${hash}`;
}

/** Whether ssh, looking up `host` (already lowercase, with `[ ]:port` if any), matches the hashed field. */
export function hashedFieldMatches(hosts: string, host: string): boolean {
  return hashHost(host, hosts) === hosts;
}

/**
 * The names a plain (unhashed) field lists literally: positive patterns without wildcards,
 * lowercased, that the field as a whole matches (a negation elsewhere could exclude them).
 */
export function literalNames(hosts: string): string[] {
  const names = new Set<string>();
  for (const raw of hosts.split(',')) {
    if (raw.startsWith('!') || raw === '' || hasWildcard(raw)) continue;
    const name = asciiLower(raw);
    if (matchHostList(name, hosts) === 1) names.add(name);
  }
  return [...names];
}
