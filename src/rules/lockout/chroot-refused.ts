import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH706',
  alias: 'lockout-chroot-refused',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'Setup code makes a directory of a user\'s ChrootDirectory writable by its group or others, and sshd ends every session of that user.',
    what: 'The effective `ChrootDirectory` for a user the repository installs keys or certificates for (tokens %h and %u expanded) passes through a directory that the provisioning code makes group- or world-writable (`chmod 775 /srv/sftp`, Ansible `mode: "0777"`). Ownership is not modelled: a chroot inside the user\'s own home is not claimed.',
    why: 'sshd checks the chroot path after the key is accepted: every component, from `/` down, must be owned by root and writable by nobody else, or it logs "fatal: bad ownership or modes for chroot directory" and drops the connection. The key works, `sshd -t` passes, and the typical sftp-only setup (`ForceCommand internal-sftp` with a group-writable upload directory as the chroot) fails for every user of the Match block.',
    bad: '# sshd_config\nMatch User deploy\n  ChrootDirectory /srv/sftp/%u\n  ForceCommand internal-sftp\n\n# provision.sh\nchmod 775 /srv/sftp/deploy',
    good: '# provision.sh\nchmod 755 /srv/sftp/deploy\nmkdir -m 700 /srv/sftp/deploy/upload && chown deploy /srv/sftp/deploy/upload',
    references: ['sshd_config(5) ChrootDirectory', 'OpenSSH session.c safely_chroot()'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'session-refused'),
});
