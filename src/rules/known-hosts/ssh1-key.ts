import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH202',
  alias: 'known-hosts-ssh1-key',
  kinds: ['known_hosts'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A legacy SSH protocol 1 RSA host key (`host bits exponent modulus`).',
    what: 'A known_hosts line whose key is written as three decimal numbers: an SSH-1 RSA host key.',
    why: 'SSH-1 support was removed in OpenSSH 7.4; such lines are skipped and only clutter the file.',
    bad: 'oldhost 1024 35 1389467283462834628346283746283746283746238',
    good: 'oldhost ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    references: ['OpenSSH 7.4 release notes (SSH-1 server support removed)', 'OpenSSH hostfile.c hostkeys_foreach_file()'],
  },
  check(model) {
    return rejectedLines(model, 'ssh1-key').map(({ line, rejection }) =>
      hitAt(line, rejection.range, 'This is an SSH protocol 1 RSA key, which OpenSSH no longer reads; the line is skipped.', 'Delete the line and record the host\'s current key.'),
    );
  },
});
