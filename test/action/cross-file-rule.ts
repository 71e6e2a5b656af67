/**
 * A rule that exists only in tests: no shipped rule reports a finding whose related location is
 * in another file yet (sshd_config Include rules will). `# see FILE:LINE` in an authorized_keys
 * file becomes a finding on that line, related to FILE:LINE.
 */
import { defineKeyFileRule, type RuleHit } from '../../src/rules/rule.js';

export default defineKeyFileRule({
  id: 'SSH999',
  alias: 'test-cross-file',
  kinds: ['authorized_keys'],
  category: 'hygiene',
  severity: 'warning',
  docs: { summary: 'Test only.', what: 'Test only.', why: 'Test only.', bad: '# see x:1', good: '', references: [] },
  check(model) {
    const hits: RuleHit[] = [];
    for (const line of model.source.lines) {
      const match = /^# see (\S+):(\d+)$/.exec(line.text);
      if (!match) continue;
      hits.push({
        line: line.number,
        column: 1,
        endColumn: line.text.length + 1,
        message: `This line depends on ${match[1]}.`,
        related: [{ file: match[1]!, line: Number(match[2]), column: 1, message: 'The cause.' }],
      });
    }
    return hits;
  },
});
