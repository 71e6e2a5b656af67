import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH403',
  alias: 'invalid-value',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A value the keyword does not accept.',
    what: "A value the keyword's parser rejects: `true` for a yes/no flag in sshd_config (only `yes`/`no` are accepted there), `2min` for a time (the units are s, m, h, d, w), a number out of range, a word that is not one of the keyword's choices (`PermitRootLogin without_password`).",
    why: 'sshd reports the value and stops (most value errors are fatal) or refuses to start after reading the file; ssh refuses to run. A deploy that restarts sshd with it locks everyone out.',
    bad: 'X11Forwarding true',
    good: 'X11Forwarding no',
    references: ['OpenSSH servconf.c (multistate tables, convtime(), a2port())'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'bad-value', 'Use a value the keyword accepts for the target release (`man sshd_config` / `man ssh_config`); sshd_config flags take only yes or no.');
  },
});
