import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/core/lint-result.js';
import { formatText } from '../../src/report/text.js';
import { EMPTY, finding, HOSTILE_STRINGS, SAMPLE, SPLIT_KEY } from './sample-result.js';

const ONE_WARNING: LintResult = {
  filesScanned: 1,
  rules: [SPLIT_KEY],
  findings: [finding({ file: 'a', line: 1, column: 2, severity: 'warning', help: 'Fix it.' })],
};

const cases: { name: string; result: LintResult; color: boolean; expected: string }[] = [
  {
    name: 'groups by file, sorts, shows help and related places, sums up',
    result: SAMPLE,
    color: false,
    expected: [
      'etc/ssh/sshd_config',
      'etc/ssh/sshd_config:12:1 warning Root may log in with a password. [SSH210 permit-root-login]',
      '  related: etc/ssh/sshd_config:2:1 Match block starts here.',
      'etc/ssh/sshd_config:30:5 note Trailing whitespace. [SSH099 trailing-whitespace]',
      '',
      'keys/authorized_keys',
      'keys/authorized_keys:3:1 error Key is split across lines. [SSH104 key-split-across-lines]',
      '  help: Join the two lines.',
      '',
      '1 error, 1 warning, 1 note in 4 files',
      '',
    ].join('\n'),
  },
  {
    name: 'says so when there is nothing, in the singular',
    result: EMPTY,
    color: false,
    expected: 'no problems found in 1 file\n',
  },
  {
    name: 'plural counts, zero included',
    result: { filesScanned: 0, rules: [], findings: [finding({ file: 'a', line: 1, column: 1 }), finding({ file: 'a', line: 2, column: 1 })] },
    color: false,
    expected: 'a\na:1:1 error Key is split across lines. [SSH104 key-split-across-lines]\na:2:1 error Key is split across lines. [SSH104 key-split-across-lines]\n\n2 errors, 0 warnings, 0 notes in 0 files\n',
  },
  {
    name: 'colours only when asked',
    result: ONE_WARNING,
    color: true,
    expected:
      '\u001b[4ma\u001b[24m\n' +
      'a:1:2 \u001b[33mwarning\u001b[39m Key is split across lines. \u001b[2m[SSH104 key-split-across-lines]\u001b[22m\n' +
      '  help: Fix it.\n\n' +
      '\u001b[1m0 errors, 1 warning, 0 notes in 1 file\u001b[22m\n',
  },
];

describe('formatText', () => {
  it.each(cases)('$name', ({ result, color, expected }) => {
    expect(formatText(result, { color })).toBe(expected);
  });

  it('does not reorder the caller’s findings', () => {
    const before = SAMPLE.findings.map((f) => f.line);
    formatText(SAMPLE);
    expect(SAMPLE.findings.map((f) => f.line)).toEqual(before);
  });

  it('escapes control characters and bidi overrides from file content and names', () => {
    const output = formatText({
      filesScanned: 1,
      rules: [],
      findings: HOSTILE_STRINGS.map((text, index) => finding({ file: `f\u001b]0;x\u0007`, line: index + 1, column: 1, message: text, help: text })),
    });
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // One header, one line per finding plus its help, a blank line and the summary.
    expect(output.split('\n')).toHaveLength(1 + 2 * HOSTILE_STRINGS.length + 3);
    expect(output).toContain('f\\x1b]0;x\\x07:5:1 error x\\n::error::pwned [SSH104 key-split-across-lines]');
    expect(output).toContain('rtl \\u{202e} override');
  });
});
