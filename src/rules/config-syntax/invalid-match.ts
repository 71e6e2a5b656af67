import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH406',
  alias: 'invalid-match',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A Match line OpenSSH cannot parse.',
    what: "An unknown Match criterion (`Match Users bob`), `all` combined with other criteria, a criterion without its pattern, an `Address` with an invalid CIDR (host bits set: `192.0.2.1/8`), or a criterion newer than the target release.",
    why: 'sshd prints "Bad Match condition" (or "Unsupported Match attribute") and stops; ssh refuses to run.',
    bad: 'Match Users backup',
    good: 'Match User backup',
    references: ['OpenSSH servconf.c match_cfg_line(); readconf.c match_cfg_line()'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'bad-match', 'Use the criteria the target release supports (User, Group, Host, Address, LocalAddress, LocalPort, …) with a pattern after each.');
  },
});
