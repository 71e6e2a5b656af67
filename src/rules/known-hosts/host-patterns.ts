/**
 * The host field of a known_hosts line, matched as ssh matches it (OpenSSH match.c
 * `match_pattern`, `match_pattern_list`, `match_hostname`; hostfile.c `match_maybe_hashed`,
 * `host_hash`). Shared by the known_hosts rules; not a rule itself.
 */
import { asciiLower, matchHostList } from '../../openssh/match.js';
import { createHmac } from 'node:crypto';
import type { HashedHostField } from '../../parse/key-file-model.js';
import type { Range } from '../../parse/read-key.js';

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

/**
 * Whether ssh, looking up `host` (already lowercase, with `[ ]:port` if any), matches the hashed
 * field `text`: `match_maybe_hashed` compares the whole field with `host_hash()`, the `|1|salt|hash`
 * it computes for `host` with the field's salt.
 */
export function hashedFieldMatches(text: string, hashed: HashedHostField, host: string): boolean {
  const hash = createHmac('sha1', hashed.salt).update(host, 'utf8').digest('base64');
  return `|1|${Buffer.from(hashed.salt).toString('base64')}|${hash}` === text;
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
