import { acceptedPlace, identityLockouts, lockoutChain } from '../../lockout/identities.js';
import { describeKey } from '../../lockout/logins.js';
import { where } from '../../lockout/server-view.js';
import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';

export default defineRepositoryRule({
  id: 'SSH707',
  alias: 'lockout-too-many-identities',
  kinds: [...LOCKOUT_KINDS, 'ssh_config'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: "A user's ssh configuration offers the key sshd accepts only after MaxAuthTries keys it refuses: \"Too many authentication failures\".",
    what: "A `~/.ssh/config` in a machine's layout (`home/<user>/.ssh/config`, `root/.ssh/config`) whose Host block reaches the same machine's sshd (a loopback HostName, the port sshd listens on) with `IdentitiesOnly yes` and `IdentityAgent none`, and lists, before the one key sshd accepts for the user, at least MaxAuthTries keys sshd refuses (not installed for the user, or refused by the server's configuration). The finding goes on the IdentityFile line of the key that is never tried. Only claimed when every part is certain: each IdentityFile is in the repository with its public key known (the private key's own, or the `.pub` beside it), no certificate, agent, CertificateFile or PreferredAuthentications changes the list, the keys sshd reads for the user are the files the repository holds (no AuthorizedKeysCommand, no keys installed by setup code), GSSAPI and host-based authentication are off, and MaxAuthTries has one value for the user. The generic risk of many identity files without IdentitiesOnly is many-identities-without-identities-only.",
    why: 'ssh offers the identity files one after the other, and sshd counts every key it refuses as a failed attempt: when the failures reach MaxAuthTries (6 by default) it disconnects with "Too many authentication failures" (auth2.c), and the key that would have worked is never offered. Keys that do not exist are skipped, but the same key in two files counts twice. An agent holding one of the listed keys would offer it first, which is why the rule needs `IdentityAgent none` to be sure.',
    bad: '# etc/ssh/sshd_config\nMaxAuthTries 3\n\n# home/deploy/.ssh/config\nHost self\n    HostName 127.0.0.1\n    IdentitiesOnly yes\n    IdentityAgent none\n    IdentityFile ~/.ssh/id_old1\n    IdentityFile ~/.ssh/id_old2\n    IdentityFile ~/.ssh/id_old3\n    IdentityFile ~/.ssh/id_deploy   # the key in authorized_keys',
    good: '# home/deploy/.ssh/config\nHost self\n    HostName 127.0.0.1\n    IdentitiesOnly yes\n    IdentityAgent none\n    IdentityFile ~/.ssh/id_deploy',
    references: ['sshd_config(5) MaxAuthTries', 'ssh_config(5) IdentityFile, IdentitiesOnly, IdentityAgent', 'OpenSSH auth2.c userauth_finish() / auth_maxtries_exceeded()', 'OpenSSH sshconnect2.c pubkey_prepare()'],
  },
  checkRepository: (model, context) =>
    identityLockouts(model, context).map((lockout) => {
      const place = acceptedPlace(lockout);
      const limit = lockout.limit ? `\`MaxAuthTries ${lockout.maxAuthTries}\` (${where(lockout.limit.directive)})` : `MaxAuthTries (${lockout.maxAuthTries} by default)`;
      const key = `${describeKey(lockout.login.entry)} (${lockout.login.keyAt.file}:${lockout.login.keyAt.span.line})`;
      return {
        file: place.file,
        ...place.span,
        message: `ssh to ${lockout.host} never offers this identity, the ${key} sshd accepts for ${lockout.user}: the ${lockout.refused.length} identities before it are refused, and ${limit} makes sshd disconnect after the ${ordinal(lockout.maxAuthTries)} with "Too many authentication failures".`,
        help: `List the identity sshd accepts first in the Host block (or alone), or remove the identities ${lockout.user} cannot use on this host.`,
        related: lockoutChain(lockout),
      };
    }),
});

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
