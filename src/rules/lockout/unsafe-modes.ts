import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH703',
  alias: 'lockout-unsafe-modes',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  supersedes: ['SSH502'],
  docs: {
    summary: 'Setup code makes an authorized_keys file, or a directory above it, writable by others, and StrictModes refuses it.',
    what: 'A mode the provisioning code sets (`chmod 777 /home/deploy`, `chmod -R o+w ~/.ssh`, Ansible `mode: "0666"`) on the authorized_keys file of a user, or on a directory between it and the home, leaves it writable by others while StrictModes is on (the default). Group-writable alone is not reported: Debian and Ubuntu accept it when the group has no member but the owner (a user-private group), upstream and RHEL refuse it.',
    why: 'With StrictModes, sshd checks the file and every directory up to the home before it reads any key, and refuses the whole file when one of them is writable by someone other than its owner ("Authentication refused: bad ownership or modes"). The message goes to the server\'s log only; the client sees "Permission denied (publickey)".',
    bad: '# provision.sh\nchmod 777 /home/deploy',
    good: '# provision.sh\nchmod 755 /home/deploy\nchmod 700 /home/deploy/.ssh\nchmod 600 /home/deploy/.ssh/authorized_keys',
    references: ['sshd_config(5) StrictModes', 'OpenSSH misc.c safe_path()', 'OpenSSH auth2-pubkeyfile.c auth_openfile()', 'Debian openssh patch user-group-modes.patch'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'unsafe-modes'),
});
