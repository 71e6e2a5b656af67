import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';
import { syntaxHits } from './syntax-lines.js';

export default defineConfigRule({
  id: 'SSH402',
  alias: 'invalid-quotes',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A quote in a value that is never closed.',
    what: 'A double or single quote opens an argument that runs to the end of the line without its closing quote. Inside quotes, `\\"`, `\\\'` and `\\\\` are escapes.',
    why: 'sshd and ssh report "invalid quotes"; sshd refuses to start after reading the file, ssh refuses to run.',
    bad: 'Banner "/etc/issue.net',
    good: 'Banner "/etc/issue.net"',
    references: ['OpenSSH misc.c argv_split()', 'sshd_config(5): "Arguments may optionally be enclosed in double quotes"'],
  },
  checkConfig(analysis) {
    const fromValues = problemHits(analysis, 'invalid-quotes', 'Close the quote, or escape a literal quote with a backslash.');
    return [...fromValues, ...syntaxHits(analysis, 'invalid-quotes', (line, program) => ({
      message: `A quote in the value of ${line.keyword} is never closed (${program}: "invalid quotes"); ${program} refuses to ${program === 'sshd' ? 'start' : 'run'} with this file.`,
      help: 'Close the quote, or escape a literal quote with a backslash.',
    }))];
  },
});
