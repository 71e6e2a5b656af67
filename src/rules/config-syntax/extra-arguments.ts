import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH404',
  alias: 'extra-arguments',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'More values than the keyword takes, often from a space after a comma.',
    what: "The keyword takes a fixed number of arguments and the line has more: `Ciphers aes128-ctr, aes256-ctr` (the space after the comma makes a second argument), `PermitRootLogin no yes`, a trailing word that was meant as a comment without `#`.",
    why: 'sshd reports "extra arguments at end of line" ("garbage at end of line" before 8.7) and refuses to start; ssh refuses to run.',
    bad: 'Ciphers aes128-ctr, aes256-ctr',
    good: 'Ciphers aes128-ctr,aes256-ctr',
    references: ['OpenSSH servconf.c (argv check at the end of process_server_config_line_depth)'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'extra-arguments', 'Remove the extra words; write lists with commas and no spaces (`a,b`), and start comments with `#`.');
  },
});
