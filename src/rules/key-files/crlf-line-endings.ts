import { KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH108',
  alias: 'crlf-line-endings',
  kinds: KEY_FILE_KINDS,
  category: 'hygiene',
  severity: 'note',
  docs: {
    summary: 'The file has Windows (CRLF) line endings.',
    what: 'Lines end in CR LF instead of LF, as files saved by Windows editors or checked out with `core.autocrlf=true` do. Reported once per file, on the first such line.',
    why: 'OpenSSH reads the file with `getline()`, which splits on LF only, and tolerates the CR that is left: the base64 decoder skips it, or it becomes the last character of the key comment (sshd, ssh and ssh-keygen 9.2 all accept such files). Other consumers are less forgiving: shell pipelines that compare or cut keys, provisioning templates, and parsers that keep the CR see `AAAA…=\\r` or `comment\\r` and no longer match.',
    bad: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI…GKJl alice@laptop<CR><LF>',
    good: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop',
    references: ['OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file() (getline)', 'OpenSSH openbsd-compat/base64.c b64_pton() (skips whitespace)', 'tested with OpenSSH 9.2p1 (sshd, ssh known_hosts, ssh-keygen -l)'],
  },
  check(model) {
    const crlf = model.source.lines.filter((line) => line.crlf);
    const first = crlf[0];
    if (!first) return [];
    const more = crlf.length > 1 ? ` (and ${crlf.length - 1} more line${crlf.length > 2 ? 's' : ''})` : '';
    return [
      hitAt(
        first,
        { start: 0, end: first.text.length },
        `This line ends in CRLF${more}. OpenSSH tolerates Windows line endings here, but the CR stays in the file and other tools that read it may not.`,
        'Convert the file to LF line endings (`dos2unix FILE`, or `sed -i \'s/\\r$//\' FILE`); in git, add `* text eol=lf` for these files to .gitattributes.',
      ),
    ];
  },
});
