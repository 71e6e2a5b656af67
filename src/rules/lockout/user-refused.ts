import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH701',
  alias: 'lockout-user-refused',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'sshd refuses a user the repository installs keys for (AllowUsers, DenyUsers, PermitRootLogin, PubkeyAuthentication, AuthenticationMethods).',
    what: 'A user for whom the repository installs keys (home/<user>/.ssh/authorized_keys, an Ansible authorized_key task, cloud-init ssh_authorized_keys) is refused by the sshd configuration of that machine, for that user: not listed in AllowUsers (commas included), matched by DenyUsers, root under `PermitRootLogin no` (or `forced-commands-only` without `command=`), `PubkeyAuthentication no` in a Match block that catches the user, or an AuthenticationMethods that needs another method besides the key. Match blocks are evaluated for the user; a block on the client\'s address or groups may or may not apply, and then nothing is claimed.',
    why: 'Each of these passes `sshd -t`, and the key itself is fine, so nothing looks wrong until the user (often a deploy job) gets "Permission denied (publickey)" and someone reads the server\'s auth log to find "not allowed because not listed in AllowUsers" or "ROOT LOGIN REFUSED".',
    bad: '# sshd_config\nAllowUsers admin\n\n# home/deploy/.ssh/authorized_keys\nssh-ed25519 AAAAC3Nza… deploy@ci',
    good: '# sshd_config\nAllowUsers admin deploy',
    references: ['sshd_config(5) AllowUsers, DenyUsers, PermitRootLogin, AuthenticationMethods', 'OpenSSH auth.c allowed_user(), auth_root_allowed()', 'OpenSSH auth2.c userauth_finish()'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'user-refused'),
});
