import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH702',
  alias: 'lockout-keys-not-read',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  // Its `~` finding names the user it locks out; SSH450's on the same line says the same without them.
  supersedes: ['SSH450'],
  docs: {
    summary: 'The repository installs keys where AuthorizedKeysFile never looks (including the `~` trap).',
    what: 'Keys the repository installs for a user (a conventional home/<user>/.ssh/authorized_keys, or a path setup code writes) lie outside every path the effective `AuthorizedKeysFile` names for that user: a central `/etc/ssh/authorized_keys/%u` while the keys go to the home, `none`, a typo, or `~/.ssh/authorized_keys`, which sshd expands once, when it reads its configuration, to root\'s home — so it reads /root/.ssh/authorized_keys for every user.',
    why: 'sshd never opens a file that AuthorizedKeysFile does not name, and logs nothing about it at the default log level; the user just gets "Permission denied (publickey)". The keys look right, the file looks right, and the configuration passes `sshd -t`.',
    bad: '# sshd_config\nAuthorizedKeysFile ~/.ssh/authorized_keys\n\n# home/deploy/.ssh/authorized_keys\nssh-ed25519 AAAAC3Nza… deploy@ci',
    good: '# sshd_config\nAuthorizedKeysFile .ssh/authorized_keys',
    references: ['sshd_config(5) AuthorizedKeysFile, TOKENS', 'OpenSSH servconf.c (tilde_expand_filename(arg, getuid()))', 'OpenSSH auth2-pubkeyfile.c'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'keys-not-read'),
});
