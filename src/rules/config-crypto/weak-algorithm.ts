import { directiveHit, defineConfigRule, type RuleHit } from '../rule.js';
import { algorithmDirectives, code, CRYPTO_CONFIG_KINDS, describeWeak as describe, exceptionAdvice, isWeak, listing } from './algorithm-lists.js';

export default defineConfigRule({
  id: 'SSH430',
  alias: 'weak-algorithm',
  kinds: CRYPTO_CONFIG_KINDS,
  category: 'weak-crypto',
  severity: 'warning',
  docs: {
    summary: 'An algorithm list that enables broken or weak algorithms (SHA-1, MD5, CBC, 3DES, 1024-bit DH, ssh-rsa, ssh-dss…).',
    what:
      'Looks at the list OpenSSH actually uses for `Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms` and `CASignatureAlgorithms` (old spellings included), in sshd_config and ssh_config: the line that takes effect (the first one in its scope; later duplicates are dead and reported elsewhere), with `-` edits applied against the target release\'s defaults and wildcards expanded. It reports names that every source agrees are weak or broken: SHA-1 key exchange and signatures (`diffie-hellman-group1-sha1`, `diffie-hellman-group14-sha1`, `diffie-hellman-group-exchange-sha1`, `ssh-rsa`, `ssh-rsa-cert-v01@openssh.com`), `ssh-dss`, MD5 and truncated MACs (`hmac-md5*`, `hmac-sha1-96*`), CBC ciphers and 64-bit block ciphers (`3des-cbc`, `aes*-cbc`), the withdrawn `sntrup4591761x25519-sha512@tinyssh.org`.\n\n' +
      'A name written in the line is pointed at exactly (a wildcard such as `ssh-*` at the pattern that selects it); weak names that a `-` edit leaves from the release\'s defaults (on releases whose defaults still had `ssh-rsa` (before 8.8) or `diffie-hellman-group14-sha1` (before 8.2)) are reported at the line.\n\n' +
      'Not reported here: names added with `+` or `^` (the legacy workaround, see SSH431 legacy-algorithm-workaround, which owns them); names only some guides reject, such as `hmac-sha1`, `umac-64`, NIST curves and ECDSA, which OpenSSH still enables by default (SSH433 disputed-algorithm, off by default); the release\'s own defaults when no line edits them (a stock configuration is never reported); lines inside a `Host`/`Match` block for named peers, which is the recommended way to keep a weak algorithm for one old peer.',
    why:
      'sshd and ssh negotiate the first algorithm both sides support, so every name in the list can be chosen: by an old or misconfigured peer, or by a client that prefers it. SHA-1 signatures and key exchange hashes are open to chosen-prefix collisions (SHA-1 is a Shambles, 2020), which is why OpenSSH disabled `ssh-rsa` signatures by default in 8.8 and `diffie-hellman-group14-sha1` in 8.2; 1024-bit Diffie-Hellman is within reach of a state-level attacker (Logjam); CBC mode in SSH leaks plaintext (CVE-2008-5161) and 3DES has a 64-bit block (Sweet32). OpenSSH no longer enables any of them by default; a line that does turns them back on for every connection it governs.',
    bad: 'Ciphers aes256-ctr,aes128-cbc,3des-cbc\nMACs hmac-sha2-256-etm@openssh.com,hmac-md5',
    good: 'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr\nMACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com',
    references: [
      'OpenSSH release notes 7.0 (group1, ssh-dss off), 8.2 (group14-sha1 off), 8.8 (ssh-rsa off)',
      'sshd_config(5), ssh_config(5): Ciphers, MACs, KexAlgorithms, HostKeyAlgorithms, PubkeyAcceptedAlgorithms, CASignatureAlgorithms',
      'ssh-audit ssh2_kexdb.py (fail/warn per algorithm)',
      'CIS Ubuntu 24.04 §5.1.6, 5.1.12, 5.1.15 (weak ciphers, KEX, MACs)',
      'Mozilla OpenSSH guideline (Modern)',
      'Leurent & Peyrin, SHA-1 is a Shambles (2020); Logjam (2015); Sweet32 (2016); CVE-2008-5161',
    ],
  },
  checkConfig(analysis, context) {
    const hits: RuleHit[] = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer) continue;
      const keyword = list.key;
      if (list.mode === 'replace') {
        for (const element of list.elements) {
          const weak = element.selects.filter(isWeak);
          if (weak.length === 0) continue;
          const exact = weak.length === 1 && element.text === weak[0];
          const them = weak.length === 1 ? 'it' : 'them';
          const message = exact
            ? `${keyword} enables ${describe(weak)}; any peer can negotiate it.`
            : `${keyword}: ${code(element.text)} selects ${describe(weak)}; any peer can negotiate ${them}.`;
          const help = exact
            ? `Remove ${code(element.text)}. If an old peer still needs it: ${exceptionAdvice(analysis, keyword)}`
            : `Replace ${code(element.text)} with the exact names you need, leaving out ${listing(weak.map(code))}.`;
          hits.push(directiveHit(list.directive, message, help, element.range));
        }
      } else if (list.mode === 'remove') {
        const weak = list.inherited.filter(isWeak);
        if (weak.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `After this \`-\` edit, ${keyword} still enables ${describe(weak)}, from OpenSSH ${list.release}'s defaults.`,
            `Remove ${weak.length === 1 ? 'it' : 'them'} too (\`${keyword} -${[...list.elements.map((e) => e.text), ...weak].join(',')}\`), or write the list out in full.`,
            list.valueRange,
          ),
        );
      }
    }
    return hits;
  },
});
