import { defineConfigRule, directiveHit } from '../rule.js';
import { CONFIG_KINDS } from '../config-syntax/problems.js';

export default defineConfigRule({
  id: 'SSH409',
  alias: 'include-loop',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'An Include that includes itself, directly or through other files, or nests deeper than 16 levels.',
    what: 'A file whose `Include` pattern matches the file itself (`Include /etc/ssh/sshd_config.d/*` placed in a drop-in of that folder), or a chain of Includes that comes back to a file already being read.',
    why: 'OpenSSH follows the Include again and again until it reaches its depth limit of 16, then stops with "Too many recursive configuration includes": sshd will not start, ssh will not run.',
    bad: 'Include /etc/ssh/sshd_config',
    good: 'Include /etc/ssh/sshd_config.d/*.conf',
    references: ['OpenSSH servconf.c parse_server_config_depth() (SERVCONF_MAX_DEPTH)', 'OpenSSH readconf.c read_config_file_depth() (READCONF_MAX_DEPTH)'],
  },
  checkConfig(analysis) {
    const program = analysis.kind === 'sshd_config' ? 'sshd' : 'ssh';
    return analysis.tree.problems.flatMap((problem) =>
      problem.code === 'too-deep'
        ? [directiveHit(problem.directive, `This Include leads back to a file that is already being read; ${program} recurses until "Too many recursive configuration includes" and ${program === 'sshd' ? 'will not start' : 'refuses to run'}.`, 'Make the pattern match only the drop-in files (e.g. `*.conf` in a folder that holds no main file).')]
        : [],
    );
  },
});
