import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/core/lint-result.js';
import { formatGithub } from '../../src/report/github.js';
import { EMPTY, finding, HOSTILE_STRINGS, SAMPLE } from './sample-result.js';

const cases: { name: string; result: LintResult; expected: string }[] = [
  { name: 'nothing to say', result: EMPTY, expected: '' },
  {
    name: 'one command per finding; notice for notes; no columns on multi-line spans; help on a second line',
    result: SAMPLE,
    expected: [
      '::warning file=etc/ssh/sshd_config,line=12,col=1,endLine=12,endColumn=20,title=SSH210 permit-root-login::Root may log in with a password.',
      '::notice file=etc/ssh/sshd_config,line=30,col=5,title=SSH099 trailing-whitespace::Trailing whitespace.',
      '::error file=keys/authorized_keys,line=3,endLine=4,title=SSH104 key-split-across-lines::Key is split across lines.%0Ahelp: Join the two lines.',
      '',
    ].join('\n'),
  },
  {
    name: 'escapes like @actions/core: data %, CR, LF; properties also : and ,',
    result: {
      filesScanned: 1,
      rules: [],
      findings: [finding({ file: 'a/b,c:d%.txt', line: 1, column: 1, message: '50% done\r\nnext: a, b' })],
    },
    expected: '::error file=a/b%2Cc%3Ad%25.txt,line=1,col=1,title=SSH104 key-split-across-lines::50%25 done%0D%0Anext: a, b\n',
  },
];

/** Reads a command line back the way the runner does, to prove the escaping loses nothing. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '').split(',').map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals), unescape(pair.slice(equals + 1))];
    }),
  );
  return { command: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}

describe('formatGithub', () => {
  it.each(cases)('$name', ({ result, expected }) => {
    expect(formatGithub(result)).toBe(expected);
  });

  it('lets no file name or message inject a command', () => {
    const findings = HOSTILE_STRINGS.flatMap((text, index) => [
      finding({ file: `dir/${text}`, line: index + 1, column: 1, message: 'plain' }),
      finding({ file: 'plain', line: index + 1, column: 1, message: text, help: text }),
    ]);
    const lines = formatGithub({ filesScanned: 2, rules: [], findings }).split('\n');
    expect(lines.pop()).toBe('');
    // The runner splits on CR as well as LF.
    expect(lines.flatMap((line) => line.split('\r'))).toHaveLength(findings.length);
    expect(lines.filter((line) => line.trimStart().startsWith('::'))).toHaveLength(findings.length);
    for (const line of lines) {
      const { properties, message } = parseCommand(line);
      expect(properties.title).toBe('SSH104 key-split-across-lines');
      expect(HOSTILE_STRINGS.some((text) => properties.file === `dir/${text}` || message === `${text}\nhelp: ${text}`)).toBe(true);
    }
  });
});
