import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH700',
  alias: 'lockout-sshd-will-not-start',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'The sshd configuration stops sshd from starting, which locks out every user the repository installs keys for.',
    what: 'An sshd_config (with its drop-ins and Includes) that the target sshd refuses (a line the malformed rules report: unknown keyword, bad value, a keyword not allowed in Match, an Include loop), in a repository that installs keys for users on that machine. The finding sits on the first line sshd stops at and names the users and keys that lose access.',
    why: 'sshd reads its whole configuration when it starts and when it reloads; one bad line makes it exit. A deploy that restarts sshd without `sshd -t` first leaves nothing listening on port 22: every key stops working at once, and the only way back is a console. The malformed rule says the line is wrong; this rule says who loses access.',
    bad: '# sshd_config\nPasswordAuthentication no\nPubkeyAuthentication yse\n\n# home/deploy/.ssh/authorized_keys\nssh-ed25519 AAAAC3Nza… deploy@ci',
    good: '# sshd_config\nPasswordAuthentication no\nPubkeyAuthentication yes',
    references: ['sshd(8) -t', 'OpenSSH servconf.c process_server_config_line()'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'sshd-will-not-start'),
});
