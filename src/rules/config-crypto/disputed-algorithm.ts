import { assessAlgorithm, type ReasonCode } from '../../openssh/algorithms.js';
import { directiveHit, defineConfigRule, type RuleHit } from '../rule.js';
import { algorithmDirectives, code, CRYPTO_CONFIG_KINDS, listing } from './algorithm-lists.js';

/** Who rejects the name and who does not, per disputed reason. */
const DISPUTES: Partial<Record<ReasonCode, string>> = {
  'hmac-sha1': 'SHA-1 based: ssh-audit fails it and Mozilla leaves it out; no practical attack on HMAC-SHA1 is known, CIS allows it and OpenSSH still enables it by default',
  'tag-64': '64-bit tag: ssh-audit and CIS call it weak and Mozilla leaves it out; OpenSSH still enables it by default',
  'encrypt-and-mac': 'encrypt-and-MAC rather than encrypt-then-MAC: ssh-audit warns; Mozilla, CIS and OpenSSH\'s defaults accept it',
  'dh-2048': '2048-bit group (about 112-bit strength): ssh-audit warns; CIS and OpenSSH\'s client defaults accept it',
  'nist-curve': 'NIST P-curve: ssh-audit fails it as possibly back-doored; CIS, Mozilla and OpenSSH\'s defaults accept it',
  'random-nonce': 'signatures with a random nonce (ECDSA): ssh-audit warns that a weak random number generator leaks the key; CIS, Mozilla and OpenSSH\'s defaults accept it',
  experimental: 'experimental, not standardised: ssh-audit warns; OpenSSH ships it but does not enable it by default',
};

/** Reasons this rule reports; `not-post-quantum` is SSH434's (the list as a whole), and notes are facts, not disputes. */
function disputes(name: string): string[] {
  const assessment = assessAlgorithm(name);
  if (assessment.status !== 'ok') return []; // weak for everyone: SSH430 / SSH431
  return assessment.reasons
    .filter((r) => r.disputed && r.severity !== 'note' && r.code !== 'not-post-quantum')
    .map((r) => DISPUTES[r.code] ?? `${r.summary} (${r.sources.join(', ')})`);
}

/** Names with their disputes, names sharing the same disputes grouped. */
function grouped(names: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const text = disputes(name).join('; ');
    groups.set(text, [...(groups.get(text) ?? []), name]);
  }
  return [...groups].map(([text, group]) => `${listing(group.map(code))} (${text})`).join('; ');
}

export default defineConfigRule({
  id: 'SSH433',
  alias: 'disputed-algorithm',
  kinds: CRYPTO_CONFIG_KINDS,
  category: 'weak-crypto',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'An algorithm list that enables names only some guides reject (NIST curves, ECDSA, hmac-sha1, umac-64, non-EtM MACs, 2048-bit DH).',
    what:
      'Off by default: turn it on to hold a configuration to ssh-audit\'s stricter view. For the line that takes effect of each algorithm keyword (`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms`, `CASignatureAlgorithms`), it reports names the sources disagree on, and says who disagrees: `ecdh-sha2-nistp*` and `ecdsa-sha2-nistp*` (NIST curves, random-nonce signatures), `hmac-sha1` and `hmac-sha1-etm@openssh.com`, `umac-64*`, encrypt-and-MAC MACs (`hmac-sha2-256`, `umac-128@openssh.com`), `diffie-hellman-group14-sha256`, experimental names.\n\n' +
      'Names written in the line are pointed at; names a `-` edit leaves from the defaults are reported at the line. The defaults of a configuration that does not set the keyword are never reported (OpenSSH enables several of these names by default). Names weak by every source\'s account are SSH430/SSH431\'s; "not post-quantum" is SSH434\'s, about the key exchange list as a whole; lines in a `Host`/`Match` block for named peers are left alone.',
    why:
      'These algorithms have no practical attack today and OpenSSH, CIS and Mozilla accept most of them; ssh-audit fails or warns on them (NIST curves as possibly back-doored, ECDSA for its random nonces, SHA-1 even in HMAC, short or encrypt-and-MAC tags). Dropping them costs compatibility with some peers (old clients, hardware tokens and appliances that only do ECDSA or NIST ECDH), so whether to is a policy decision.',
    bad: 'KexAlgorithms curve25519-sha256,ecdh-sha2-nistp256\nMACs hmac-sha2-256-etm@openssh.com,umac-64-etm@openssh.com',
    good: 'KexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512,curve25519-sha256\nMACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com',
    references: [
      'ssh-audit ssh2_kexdb.py and hardening guides',
      'Mozilla OpenSSH guideline (Modern)',
      'CIS Ubuntu 24.04 §5.1.6, 5.1.12, 5.1.15 (via ComplianceAsCode)',
      'OpenSSH myproposal.h (default lists)',
    ],
  },
  checkConfig(analysis, context) {
    const hits: RuleHit[] = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer) continue;
      for (const element of list.elements) {
        const named = element.selects.filter((name) => disputes(name).length > 0);
        if (named.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `${list.key} enables ${grouped(named)}.`,
            `If your policy follows ssh-audit, remove ${listing(named.map(code))}; otherwise this is acceptable (OpenSSH enables several of these by default).`,
            element.range,
          ),
        );
      }
      if (list.mode === 'remove') {
        const left = list.inherited.filter((name) => disputes(name).length > 0);
        if (left.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `After this \`-\` edit, ${list.key} still enables, from OpenSSH ${list.release}'s defaults: ${grouped(left)}.`,
            `If your policy follows ssh-audit, remove ${left.length === 1 ? 'it' : 'them'} as well, or write the list out in full.`,
            list.valueRange,
          ),
        );
      }
    }
    return hits;
  },
});
