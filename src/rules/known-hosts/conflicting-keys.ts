import type { RelatedLocation } from '../../core/finding.js';
import type { SourceLine } from '../../core/source.js';
import type { HashedHostField, KeyEntry } from '../../parse/key-file-model.js';
import type { Range } from '../../parse/read-key.js';
import { ED25519_BLOB } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries, type RuleHit } from '../rule.js';
import { matchHostList } from '../../openssh/match.js';
import { hashedFieldMatches, literalNames, splitHostPatterns } from './host-patterns.js';
import { addToGroup } from '../../core/collections.js';

interface HostEntry {
  line: SourceLine;
  hosts: string;
  hashed?: HashedHostField;
  marker: 'trusted' | 'ca' | 'revoked';
  /** The key's type as ssh tells keys apart (ECDSA curves differ). */
  keyType: string;
  certificate: boolean;
  /** SHA256 fingerprint of the plain key: equal exactly when ssh's sshkey_equal_public is. */
  fingerprint: string;
  /** Lowercased names the line lists literally (plain lines). */
  names: string[];
  keyRange: Range;
}

function toHostEntry(line: SourceLine, entry: KeyEntry): HostEntry | undefined {
  const fields = entry.knownHosts;
  if (!fields) return undefined;
  const { hashed } = fields.hosts;
  const marker = fields.marker?.name === '@revoked' ? 'revoked' : fields.marker ? 'ca' : 'trusted';
  return {
    line,
    hosts: fields.hosts.text,
    ...(hashed ? { hashed } : {}),
    marker,
    keyType: entry.key.key.canonicalType,
    certificate: entry.key.key.certificate,
    fingerprint: entry.key.key.fingerprint,
    names: hashed ? [] : literalNames(fields.hosts.text),
    keyRange: { start: entry.key.typeRange.start, end: entry.key.base64Range.end },
  };
}

/** The name among `names` whose hash the hashed field is. */
function hashedName(text: string, hashed: HashedHostField, names: readonly string[]): string | undefined {
  return names.find((name) => hashedFieldMatches(text, hashed, name));
}

/** A host both lines name exactly, as ssh would look it up; '' when both are the same hashed name. */
function sharedName(a: HostEntry, b: HostEntry): string | undefined {
  if (a.hashed && b.hashed) return a.hosts === b.hosts ? '' : undefined;
  if (a.hashed) return hashedName(a.hosts, a.hashed, b.names);
  if (b.hashed) return hashedName(b.hosts, b.hashed, a.names);
  return a.names.find((name) => b.names.includes(name));
}

/** A host `trusted` is used for that `revoked` also applies to, as far as the text shows. */
function revokedFor(trusted: HostEntry, revoked: HostEntry): string | undefined {
  if (revoked.hashed) {
    if (trusted.hashed) return trusted.hosts === revoked.hosts ? '' : undefined;
    return hashedName(revoked.hosts, revoked.hashed, trusted.names);
  }
  const patterns = splitHostPatterns({ text: revoked.hosts, range: { start: 0, end: revoked.hosts.length } });
  if (trusted.hashed) {
    // Only a list that matches every name is sure to cover a hashed one.
    const universal = patterns.some((p) => !p.negated && /^\*+$/.test(p.body)) && !patterns.some((p) => p.negated);
    return universal ? '' : undefined;
  }
  // Each pattern of the trusted line, taken as a name (`*.example.com` is covered by `*`).
  for (const pattern of splitHostPatterns({ text: trusted.hosts, range: { start: 0, end: trusted.hosts.length } })) {
    if (pattern.negated || pattern.body === '') continue;
    if (matchHostList(pattern.body, trusted.hosts) === 1 && matchHostList(pattern.body, revoked.hosts) === 1) return pattern.body.toLowerCase();
  }
  return undefined;
}

/**
 * The earlier entries that can conflict with a later one at all, in file order: those with the
 * same key on the other side of @revoked, the same literal name or hashed field (stale keys), and across hashed
 * and plain lines, which only a hash of each name can compare. Comparing every pair took minutes
 * on a 100,000-line known_hosts.
 */
class EarlierEntries {
  private readonly order = new Map<HostEntry, number>();
  /** By key, apart for @revoked lines: revocation pairs a revoked line with one that is not. */
  private readonly byKey = { revoked: new Map<string, HostEntry[]>(), other: new Map<string, HostEntry[]>() };
  private readonly byName = new Map<string, HostEntry[]>();
  private readonly hashed: HostEntry[] = [];
  private readonly plain: HostEntry[] = [];

  add(entry: HostEntry): void {
    this.order.set(entry, this.order.size);
    addToGroup(entry.marker === 'revoked' ? this.byKey.revoked : this.byKey.other, entry.fingerprint, entry);
    if (entry.hashed) {
      addToGroup(this.byName, `|${entry.hosts}`, entry);
      this.hashed.push(entry);
    } else {
      for (const name of new Set(entry.names)) addToGroup(this.byName, name, entry);
      this.plain.push(entry);
    }
  }

  /** At most `limit` of them: an adversarial file (30,000 @revoked lines for one key) must not take minutes. */
  candidatesFor(later: HostEntry, limit: number): HostEntry[] {
    const names = later.hashed ? [`|${later.hosts}`] : later.names;
    const buckets = [
      (later.marker === 'revoked' ? this.byKey.other : this.byKey.revoked).get(later.fingerprint) ?? [],
      ...names.map((name) => this.byName.get(name) ?? []),
      later.hashed ? this.plain : this.hashed,
    ];
    const candidates = new Set<HostEntry>();
    for (const bucket of buckets) {
      for (const entry of bucket) {
        if (candidates.size >= limit) break;
        candidates.add(entry);
      }
    }
    return [...candidates].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

const MAX_COMPARISONS = 2_000_000;
const MAX_COMPARISONS_PER_LINE = 1_000;
/** Earlier lines a finding lists (in its message and as related locations). */
const MAX_LISTED = 20;

const named = (host: string, hashed = 'the same hashed host') => (host === '' ? hashed : `'${host}'`);

/** `3, 7, 9`, or the first MAX_LISTED and how many more. */
function listed(lines: number[]): string {
  const shown = lines.slice(0, MAX_LISTED).join(', ');
  return lines.length > MAX_LISTED ? `${shown} and ${lines.length - MAX_LISTED} more` : shown;
}

function related(earlier: HostEntry, path: string, message: string): RelatedLocation {
  return {
    file: path,
    line: earlier.line.number,
    column: earlier.keyRange.start + 1,
    endColumn: earlier.keyRange.end + 1,
    message,
  };
}

export default defineKeyFileRule({
  id: 'SSH205',
  alias: 'known-hosts-conflicting-keys',
  kinds: ['known_hosts'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'A host has two different keys of the same type, or a key is both trusted and `@revoked`.',
    what: 'Two plain (unmarked) lines name the same host exactly (the same literal name, or a hashed entry that is the hash of a name the other line lists) with two different keys of one key type: usually the old key left behind after the server was re-keyed. Also reported: a key (or CA key) that one line trusts and an `@revoked` line revokes for the same host. Wildcard-only overlaps and `@cert-authority` lines with different CA keys (a CA rotation) are not reported. On a very large file the rule compares at most 2,000,000 pairs of lines (1,000 earlier lines per line), so it always finishes in seconds; a finding lists at most 20 earlier lines.',
    why: 'ssh accepts the host if its key equals any of the recorded keys of that type, so the stale key keeps authenticating the host: if it was retired because it leaked, whoever holds it can still impersonate the server without a warning. A load balancer whose back ends have different keys looks the same and is better served by a host certificate. When a key is both trusted and `@revoked`, revocation wins: ssh refuses the host with "REVOKED HOST KEY DETECTED", and the trusting line is dead.',
    bad: `git.example.com ssh-ed25519 ${ED25519_BLOB}\ngit.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDKmWTRHTCpbwMT5pqDTs59gCP8Tt7HyMIc13j9YK7Wp`,
    good: `git.example.com ssh-ed25519 ${ED25519_BLOB}\ngit.example.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCHYwDe0QBJU8tU7ddLVhXn1mAv4P6/YWWVcSZRs+P0ONCKuwVt2KCw/2XtMdYUKZcjO+FhF5vFSRrv1MVdMGaw=`,
    references: ['OpenSSH hostfile.c check_hostkeys_by_key_or_type(), check_key_not_revoked()', 'sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (@revoked)', 'ssh-keygen(1) -R'],
  },
  check(model) {
    const entries = parsedEntries(model).flatMap(({ line, entry }) => toHostEntry(line, entry) ?? []);
    const path = model.source.path;
    const hits: RuleHit[] = [];
    const index = new EarlierEntries();
    // Comparing a hashed line with a plain one costs an HMAC per name; a file of tens of thousands
    // of each would take minutes, so the rule compares at most this many pairs per file.
    let budget = MAX_COMPARISONS;
    entries.forEach((later) => {
      const stale: { earlier: HostEntry; host: string }[] = [];
      const revoked: { earlier: HostEntry; host: string }[] = [];
      const candidates = budget > 0 ? index.candidatesFor(later, Math.min(budget, MAX_COMPARISONS_PER_LINE)) : [];
      budget -= candidates.length;
      for (const earlier of candidates) {
        if (later.marker === 'trusted' && earlier.marker === 'trusted' && !later.certificate && !earlier.certificate) {
          if (later.keyType === earlier.keyType && later.fingerprint !== earlier.fingerprint) {
            const host = sharedName(earlier, later);
            if (host !== undefined) stale.push({ earlier, host });
          }
        }
        if (later.fingerprint === earlier.fingerprint && (later.marker === 'revoked') !== (earlier.marker === 'revoked')) {
          const [trusted, revoking] = later.marker === 'revoked' ? [earlier, later] : [later, earlier];
          // A certificate on an unmarked line never matches anything, revoked or not.
          const host = trusted.certificate ? undefined : revokedFor(trusted, revoking);
          if (host !== undefined) revoked.push({ earlier, host });
        }
      }
      const firstStale = stale[0];
      if (firstStale) {
        const lines = listed(stale.map((s) => s.earlier.line.number));
        const hit = hitAt(
          later.line,
          later.keyRange,
          `${named(firstStale.host)} already has a different ${later.keyType} key (line ${lines}); ssh accepts either, so a stale one still authenticates the host.`,
          'Keep only the host\'s current key: `ssh-keygen -R HOST`, then add the key you have verified.',
        );
        hit.related = stale.slice(0, MAX_LISTED).map((s) => related(s.earlier, path, `The other ${later.keyType} key for ${named(s.host)}.`));
        hits.push(hit);
      }
      const firstRevoked = revoked[0];
      if (firstRevoked) {
        const what = later.marker === 'ca' || firstRevoked.earlier.marker === 'ca' ? 'CA key' : 'key';
        const hit = hitAt(
          later.line,
          later.keyRange,
          later.marker === 'revoked'
            ? `This ${what} is @revoked for ${named(firstRevoked.host, 'a hashed host')} but trusted on line ${firstRevoked.earlier.line.number}; revocation wins and ssh refuses the host ("REVOKED HOST KEY DETECTED").`
            : `This ${what} was @revoked for ${named(firstRevoked.host, 'a hashed host')} on line ${firstRevoked.earlier.line.number}, so trusting it here has no effect: ssh refuses the host ("REVOKED HOST KEY DETECTED").`,
          'Decide which is meant: remove the trusting line if the key is retired, or the @revoked line if it is not.',
        );
        hit.related = revoked.slice(0, MAX_LISTED).map((r) => related(r.earlier, path, r.earlier.marker === 'revoked' ? 'The @revoked entry.' : 'The entry that trusts the same key.'));
        hits.push(hit);
      }
      index.add(later);
    });
    return hits;
  },
});
