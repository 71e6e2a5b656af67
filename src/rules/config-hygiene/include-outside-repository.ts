import { defineConfigRule, directiveHit } from '../rule.js';
import { CONFIG_KINDS } from '../config-syntax/problems.js';

export default defineConfigRule({
  id: 'SSH410',
  alias: 'include-outside-repository',
  kinds: CONFIG_KINDS,
  category: 'hygiene',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'An Include names files the repository does not hold, so what they set cannot be checked.',
    what: 'An `Include` of an absolute path outside /etc/ssh that has no copy in the repository (e.g. RHEL\'s `/etc/crypto-policies/back-ends/opensshserver.config`), or of a home-directory path. sshlint never reads the machine\'s own files.',
    why: 'First value wins, so an included file can override what the repository sets; sshlint can only judge what it sees. Off by default; turn it on to list such blind spots.',
    bad: 'Include /etc/crypto-policies/back-ends/opensshserver.config',
    good: 'Include /etc/ssh/sshd_config.d/*.conf',
    references: ['sshd_config(5) Include'],
  },
  checkConfig(analysis) {
    return analysis.tree.problems.flatMap((problem) =>
      problem.code === 'outside-repository'
        ? [directiveHit(problem.directive, `"${problem.pattern}" is not in the repository (${problem.reason}); sshlint cannot check what it sets.`, 'Commit the included file too, or accept that its settings are unchecked.')]
        : [],
    );
  },
});
