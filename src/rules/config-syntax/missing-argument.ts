import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';
import { syntaxHits } from './syntax-lines.js';

export default defineConfigRule({
  id: 'SSH401',
  alias: 'missing-argument',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A keyword with no value after it.',
    what: 'A line that holds a keyword and nothing else (or only `=`), typically a value removed by a template that rendered empty (`PermitRootLogin {{ root_login }}` with the variable unset).',
    why: 'sshd and ssh report `no argument after keyword "X"`; sshd refuses to start after reading the file, ssh refuses to run.',
    bad: 'PermitRootLogin',
    good: 'PermitRootLogin no',
    references: ['OpenSSH servconf.c process_server_config_line_depth()', 'OpenSSH readconf.c process_config_line_depth()'],
  },
  checkConfig(analysis) {
    const fromValues = problemHits(analysis, 'no-argument', 'Give the keyword a value, or remove the line.');
    return [...fromValues, ...syntaxHits(analysis, 'no-argument', (line, program) => ({
      message: `"${line.keyword}" has no value (${program}: 'no argument after keyword "${line.keyword}"'); ${program} refuses to ${program === 'sshd' ? 'start' : 'run'} with this file.`,
      help: `Give ${line.keyword} a value, or remove the line.`,
    }))];
  },
});
