import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/core/lint-result.js';
import { formatJson } from '../../src/report/json.js';
import { EMPTY, finding, HOSTILE_STRINGS, SAMPLE } from './sample-result.js';

const cases: { name: string; result: LintResult; expected: string }[] = [
  {
    name: 'no findings',
    result: EMPTY,
    expected: '{"version":1,"tool":{"name":"sshlint","version":"1.2.3"},"filesScanned":1,"findings":[]}\n',
  },
  {
    name: 'keys in a fixed order, optional ones only when present, findings sorted',
    result: SAMPLE,
    expected:
      '{"version":1,"tool":{"name":"sshlint","version":"1.2.3"},"filesScanned":4,"findings":[' +
      '{"ruleId":"SSH210","severity":"warning","category":"unsafe-setting","file":"etc/ssh/sshd_config","line":12,"column":1,"endLine":12,"endColumn":20,' +
      '"message":"Root may log in with a password.","alias":"permit-root-login",' +
      '"related":[{"file":"etc/ssh/sshd_config","line":2,"column":1,"message":"Match block starts here."}]},' +
      '{"ruleId":"SSH099","severity":"note","category":"hygiene","file":"etc/ssh/sshd_config","line":30,"column":5,"message":"Trailing whitespace.","alias":"trailing-whitespace"},' +
      '{"ruleId":"SSH104","severity":"error","category":"malformed","file":"keys/authorized_keys","line":3,"column":1,"endLine":4,"endColumn":18,' +
      '"message":"Key is split across lines.","help":"Join the two lines.","alias":"key-split-across-lines"}' +
      ']}\n',
  },
  {
    name: 'an empty related list is left out',
    result: { filesScanned: 1, rules: [], findings: [finding({ file: 'a', line: 1, column: 1, related: [] })] },
    expected:
      '{"version":1,"tool":{"name":"sshlint","version":"1.2.3"},"filesScanned":1,"findings":[' +
      '{"ruleId":"SSH104","severity":"error","category":"malformed","file":"a","line":1,"column":1,"message":"Key is split across lines.","alias":"key-split-across-lines"}]}\n',
  },
];

describe('formatJson', () => {
  it.each(cases)('$name', ({ result, expected }) => {
    expect(formatJson(result, { toolVersion: '1.2.3' })).toBe(expected);
  });

  it.each(HOSTILE_STRINGS)('stays valid JSON and round-trips %j', (text) => {
    const output = formatJson(
      { filesScanned: 1, rules: [], findings: [finding({ file: text, line: 1, column: 1, message: text, help: text })] },
      { toolVersion: text },
    );
    // One line, no raw control characters or line separators anywhere.
    expect(output.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
    const parsed = JSON.parse(output);
    expect(parsed.tool.version).toBe(text);
    expect(parsed.findings[0]).toMatchObject({ file: text, message: text, help: text });
  });
});
