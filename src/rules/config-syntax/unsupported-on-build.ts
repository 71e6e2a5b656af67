import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH408',
  alias: 'unsupported-on-build',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A keyword the target build accepts but refuses to honour.',
    what: "A keyword the release knows but this platform or build refuses outright, such as `RDomain` on Linux builds.",
    why: 'sshd stops with an error such as "not supported on this platform".',
    bad: 'RDomain vrf1',
    good: 'ListenAddress 192.0.2.1',
    references: ['sshd_config(5) RDomain'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'not-supported', 'Remove the keyword for this platform.');
  },
});
