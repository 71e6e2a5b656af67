import type { SourceLine } from '../../core/source.js';
import type { HashedHostField } from '../../parse/key-file-model.js';
import type { Range } from '../../parse/read-key.js';
import { decodeBase64 } from '../../ssh/base64.js';
import { ED25519_BLOB } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries, quote, type RuleHit } from '../rule.js';
import { splitHostPatterns } from './host-patterns.js';

const SHA1_BYTES = 20;

/** The text `host_hash()` produces for these bytes: standard base64 with padding. */
const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Whether `text` is the exact base64 ssh writes for 20 bytes (what a stored hash must equal). */
function isCanonicalDigest(text: string): boolean {
  const bytes = decodeBase64(text);
  return bytes !== null && bytes.length === SHA1_BYTES && encode(bytes) === text;
}

/**
 * Why a field that starts with `|` can never equal `host_hash()` of any name, or undefined.
 * `match_maybe_hashed` compares the whole field, byte for byte, with `|1|<salt>|<HMAC-SHA1>`
 * as ssh re-encodes them; the parser has already checked that the salt decodes to 20 bytes.
 */
function hashedFieldProblem({ saltText, salt, hash: rest }: HashedHostField): string | undefined {
  if (rest.includes(',')) return 'a hashed entry holds exactly one name, and ssh compares the whole field (other names included) with the hash, so nothing on this line matches';
  if (/[*?]/.test(rest)) return 'wildcards do not work in hashed entries: ssh compares the field with the hash of the name, character for character';
  if (encode(salt) !== saltText) return 'the salt is not written the way ssh re-encodes it, so the comparison fails';
  if (!isCanonicalDigest(rest)) return 'the hash part is not a 20-byte base64 HMAC-SHA1 (truncated or edited), so it equals no name\'s hash';
  return undefined;
}

function reportHashed(line: SourceLine, range: Range, hashed: HashedHostField): RuleHit | undefined {
  const why = hashedFieldProblem(hashed);
  return why === undefined ? undefined : hitAt(line, range, `This hashed host entry never matches: ${why}.`, 'Give each hashed name its own line (`ssh-keygen -H` does this), or write the names in clear text.');
}

export default defineKeyFileRule({
  id: 'SSH207',
  alias: 'known-hosts-hash-never-matches',
  kinds: ['known_hosts'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: 'A hashed host name (`|1|…`) combined with other names, wildcards or negation, or with a damaged hash, so it never matches.',
    what: 'A field that starts with `|` is compared as a whole with the hash ssh computes for the host, so `|1|salt|hash,other.example.com`, a wildcard in it, or a hash that is not 20 bytes of base64 matches nothing. A hashed name placed after a plain name (`web1,|1|…`) or negated (`!|1|…`) is read as an ordinary pattern: it is compared literally and never matches either. A salt that is not 20 bytes of base64 is reported by known-hosts-bad-hash instead.',
    why: 'The entry is dead: ssh treats the host as unknown (a prompt, or "Host key verification failed" under StrictHostKeyChecking yes), and the plain names that share a field with a hash are lost with it. OpenSSH\'s own hashing (`ssh-keygen -H`, HashKnownHosts) writes one hashed name per line, with no wildcards or negation.',
    bad: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM=,10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    good: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM= ssh-ed25519 ${ED25519_BLOB}\n10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    references: ['OpenSSH hostfile.c match_maybe_hashed(), host_hash()', 'sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (hashed hostnames)'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const { line, entry } of parsedEntries(model)) {
      const hosts = entry.knownHosts?.hosts;
      if (!hosts) continue;
      if (hosts.hashed) {
        const hit = reportHashed(line, hosts.range, hosts.hashed);
        if (hit) hits.push(hit);
        continue;
      }
      // A plain list: match_hostname compares a `|1|…` element as a literal pattern.
      for (const pattern of splitHostPatterns(hosts)) {
        if (!pattern.body.startsWith('|1|')) continue;
        hits.push(
          hitAt(
            line,
            pattern.range,
            `The hashed name ${quote(pattern.text)} is not at the start of the field${pattern.negated ? ' (and is negated)' : ''}, so ssh compares it as plain text and it never matches.`,
            'Give the hashed name its own line, without `!`, or write the name in clear text.',
          ),
        );
      }
    }
    return hits;
  },
});
