/** OpenSSH's pattern matching (match.c), which every list of names and hosts goes through. */

/**
 * `match_pattern`: `*` matches any run of characters, `?` any one character, everything else
 * itself, case-sensitively. Greedy with one backtrack point: the same answers as OpenSSH's
 * recursion without its exponential worst case.
 */
export function matchPattern(s: string, pattern: string): boolean {
  let si = 0;
  let pi = 0;
  let star = -1;
  let resume = 0;
  while (si < s.length) {
    const p = pattern[pi];
    if (p === '*') {
      star = pi++;
      resume = si;
    } else if (p !== undefined && (p === '?' || p === s[si])) {
      si++;
      pi++;
    } else if (star !== -1) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[pi] === '*') pi++;
  return pi === pattern.length;
}

/** match.c copies each subpattern into `char sub[1024]`; a longer one fails the whole list. */
const MAX_SUBPATTERN = 1023;

export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * `match_pattern_list(string, pattern, dolower)`: 1 when a positive subpattern matches, -1 when
 * a negated one does (which wins), 0 when none does. `dolower` lowercases the subpatterns
 * (ASCII), as match_hostname does after lowercasing the host.
 */
export function matchPatternList(s: string, list: string, dolower = false): -1 | 0 | 1 {
  let positive = false;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const sub = negated ? raw.slice(1) : raw;
    if (sub.length >= MAX_SUBPATTERN) return 0;
    if (matchPattern(s, dolower ? asciiLower(sub) : sub)) {
      if (negated) return -1;
      positive = true;
    }
  }
  return positive ? 1 : 0;
}

/** `match_hostname`: host names compare in ASCII lower case. */
export function matchHostList(host: string, list: string): -1 | 0 | 1 {
  return matchPatternList(asciiLower(host), list, true);
}
