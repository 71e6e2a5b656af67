import { atLeast, formatVersion } from '../../core/version.js';
import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesOfFamily } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH110',
  alias: 'key-dsa',
  kinds: KEY_FILE_KINDS,
  category: 'weak-crypto',
  severity: 'error',
  docs: {
    summary: 'A DSA (`ssh-dss`) key or certificate.',
    what: 'A key line of type `ssh-dss` or `ssh-dss-cert-v01@openssh.com`: a 1024-bit DSA key, the only size OpenSSH supports. On OpenSSH 9.8 and later the line does not even parse (see unknown-key-type).',
    why: 'OpenSSH 7.0 removed ssh-dss from the default PubkeyAcceptedAlgorithms (and from HostKeyAlgorithms), so sshd will not authenticate with such a key and ssh will not accept such a host key unless an administrator puts the algorithm back. 9.8 builds leave DSA out entirely and 10.0 removed it. 1024-bit DSA is also too weak by current standards (ssh-audit fails it, NIST no longer allows DSA signatures): the key should be replaced, not re-enabled.',
    bad: 'ssh-dss AAAAB3NzaC1kc3MAAACBAP2novuzlukEYs6xOaWZ/E7xf91o… old-laptop',
    good: `${ED25519_EXAMPLE} new-laptop`,
    references: ['OpenSSH 7.0 release notes (ssh-dss disabled by default)', 'OpenSSH 9.8 and 10.0 release notes (DSA off in default builds, then removed)', 'ssh-audit ssh2_kexdb.py (ssh-dss: fail)'],
  },
  check(model, context) {
    const version = formatVersion(context.version);
    return entriesOfFamily(model, 'dss').flatMap(({ line, entry }) => {
      if (entry.key.key.family !== 'dss') return [];
      const isCa = entry.options.some((option) => option.name === 'cert-authority') || entry.knownHosts?.marker?.name === '@cert-authority';
      const what = entry.key.key.certificate ? 'a DSA certificate' : isCa ? 'a DSA CA key' : 'a DSA key';
      const effect = isCa
        ? atLeast(context.version, '7.9')
          ? `OpenSSH ${version} refuses certificates signed with ssh-dss by default (CASignatureAlgorithms), so this CA is useless`
          : 'OpenSSH 7.9 and later refuse certificates signed with ssh-dss by default (CASignatureAlgorithms)'
        : model.kind === 'known_hosts'
          ? `ssh ${version} does not accept ssh-dss host keys by default (HostKeyAlgorithms, since 7.0), so this entry cannot verify the host`
          : model.kind === 'authorized_keys'
            ? `sshd ${version} does not accept ssh-dss by default (PubkeyAcceptedAlgorithms, since 7.0), so this key will not log in`
            : `OpenSSH servers have refused ssh-dss by default since 7.0, so this key will not log in`;
      return [
        hitAt(
          line,
          entry.key.typeRange,
          `This is ${what}: ${effect}; OpenSSH 9.8 drops DSA from default builds and 10.0 removes it.`,
          model.kind === 'known_hosts'
            ? "Remove the line and record the host's current key (e.g. `ssh-keyscan -t ed25519 HOST`), after checking its fingerprint."
            : 'Replace it with an Ed25519 key (`ssh-keygen -t ed25519`) rather than re-enabling ssh-dss.',
        ),
      ];
    });
  },
});
