import { isKnownAlgorithm } from '../../openssh/algorithms.js';
import { directiveHit, defineConfigRule, type RuleHit } from '../rule.js';
import { algorithmDirectives, code, CRYPTO_CONFIG_KINDS, releaseAtLeast } from './algorithm-lists.js';

/** Hybrid post-quantum key exchanges (ML-KEM or Streamlined NTRU Prime with a classical curve). */
export function isPostQuantum(name: string): boolean {
  return name.startsWith('mlkem') || name.startsWith('sntrup761');
}

export default defineConfigRule({
  id: 'SSH434',
  alias: 'post-quantum-kex-missing',
  kinds: CRYPTO_CONFIG_KINDS,
  category: 'weak-crypto',
  severity: 'note',
  docs: {
    summary: 'A KexAlgorithms line that leaves out every post-quantum key exchange on a release that enables one by default (9.0+).',
    what:
      'On a target release of 9.0 or later (sntrup761x25519-sha512@openssh.com became the default that year; mlkem768x25519-sha256 exists from 9.9 and is the default from 10.0), the `KexAlgorithms` line that takes effect yields a list without any hybrid post-quantum key exchange: an explicit list written before they existed or copied from an old hardening guide, or a `-` edit that removes them.\n\n' +
      'Never reported on a configuration that does not set `KexAlgorithms` (the defaults include them), for a `+`/`^` edit (it keeps the defaults), or inside a `Host`/`Match` block for named peers (an old peer that cannot do them). A non-post-quantum name next to a post-quantum one is a normal fallback and not reported.',
    why:
      'A key exchange that is not post-quantum can be recorded today and decrypted once a large quantum computer exists ("store now, decrypt later"). OpenSSH made a hybrid post-quantum exchange its default in 9.0, and from 10.1 ssh warns on every connection that does not use one ("WARNING: connection is not using a post-quantum key exchange algorithm"). The hybrids combine the post-quantum KEM with X25519, so they are never weaker than curve25519-sha256 alone; peers that lack them fall back to the next name in the list.',
    bad: 'KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512',
    good: 'KexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org',
    references: [
      'OpenSSH 9.0 release notes (sntrup761x25519-sha512@openssh.com by default)',
      'OpenSSH 9.9 and 10.0 release notes (mlkem768x25519-sha256, default in 10.0)',
      'OpenSSH 10.1 release notes (WarnWeakCrypto: warning for non-post-quantum key exchange)',
      'openssh.com/pq.html (post-quantum cryptography in OpenSSH)',
      'ssh-audit ssh2_kexdb.py (not post-quantum safe)',
    ],
  },
  checkConfig(analysis, context) {
    const hits: RuleHit[] = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.key !== 'KexAlgorithms' || list.perPeer || list.mode === 'append' || list.mode === 'prepend') continue;
      if (!releaseAtLeast(list.release, '9.0') || list.effective.some(isPostQuantum)) continue;
      const mlkem = isKnownAlgorithm('kex', 'mlkem768x25519-sha256', list.release);
      const recommended = mlkem ? 'mlkem768x25519-sha256' : 'sntrup761x25519-sha512@openssh.com';
      const warns = analysis.kind === 'ssh_config' ? (releaseAtLeast(list.release, '10.1') ? ' ssh warns about it on every connection.' : '') : ' ssh 10.1 and later warn about it on every connection.';
      const names = `${code(recommended)}${mlkem ? ' (and `sntrup761x25519-sha512@openssh.com` for 9.0–9.8 peers)' : ''}`;
      const fix = list.mode === 'remove' ? `Stop removing ${names} from the defaults` : `Put ${names} first in the list`;
      hits.push(
        directiveHit(
          list.directive,
          `KexAlgorithms leaves out every post-quantum key exchange that OpenSSH ${list.release} offers by default, so sessions can be recorded now and decrypted by a future quantum computer.${warns}`,
          `${fix}; peers without them fall back to the next name.`,
          list.valueRange,
        ),
      );
    }
    return hits;
  },
});
