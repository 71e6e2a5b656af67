import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH405',
  alias: 'not-allowed-in-match',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A global-only keyword inside a Match block.',
    what: "Only some keywords may appear inside `Match` (sshd_config(5) lists them); `Ciphers`, `Port`, `UseDNS`, `UsePAM`, `LoginGraceTime` and others are global. A Match block runs to the next Match or the end of the file, so a line appended at the bottom of a file that has a Match block is inside it.",
    why: "sshd stops with \"Directive 'X' is not allowed within a Match block\": it will not start.",
    bad: 'Match User backup\n  ForceCommand internal-sftp\nUseDNS no',
    good: 'UseDNS no\nMatch User backup\n  ForceCommand internal-sftp',
    references: ['sshd_config(5) Match; OpenSSH servconf.c (SSHCFG_MATCH)'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'not-allowed-in-match', 'Move the line above the first Match block, or end the Match block first with `Match all`.');
  },
});
