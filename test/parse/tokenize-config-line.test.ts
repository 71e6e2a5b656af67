import { describe, expect, it } from 'vitest';
import { tokenizeConfigLine } from '../../src/parse/config/tokenize-line.js';

function summary(line: string): unknown {
  const t = tokenizeConfigLine(line);
  if (t.kind === 'directive') return [t.keyword, ...t.args.map((a) => a.value)];
  return t.kind;
}

describe('tokenizeConfigLine follows strdelim() and argv_split()', () => {
  it.each<[string, unknown]>([
    ['Port 22', ['Port', '22']],
    ['Port=22', ['Port', '22']],
    ['Port = 22', ['Port', '22']],
    ['Port ==22', ['Port', '=22']],
    ['Port==22', ['Port', '=22']],
    ['  \tPermitRootLogin no # trailing note', ['PermitRootLogin', 'no']],
    ['PermitRootLogin no#not-a-comment', ['PermitRootLogin', 'no#not-a-comment']],
    ['Ciphers aes128-ctr, aes256-ctr', ['Ciphers', 'aes128-ctr,', 'aes256-ctr']],
    ['Banner "/etc/my banner"', ['Banner', '/etc/my banner']],
    ["ForceCommand 'echo hi' x", ['ForceCommand', 'echo hi', 'x']],
    ['Subsystem sftp /usr/lib/my\\ sftp', ['Subsystem', 'sftp', '/usr/lib/my sftp']],
    ['SetEnv A="b c"', ['SetEnv', 'A=b c']],
    ['Foo"bar" baz', ['Foobar', 'baz']],
    ['Port 22\r', ['Port', '22']],
    ['Port 22 \f', ['Port', '22']],
    ['# comment', 'empty'],
    ['   ', 'empty'],
    ['#Port 22', 'empty'],
    ['Port', 'no-argument'],
    ['Port   ', 'no-argument'],
    ['Port=', 'no-argument'],
    ['Banner "/etc/issue', 'invalid-quotes'],
    ['Foo"bar baz', 'empty'],
    ['\u00a0Port 22', ['\u00a0Port', '22']],
  ])('%j', (line, expected) => {
    expect(summary(line)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['AcceptEnv A=B', ['AcceptEnv', 'A', 'B']],
    ["ForceCommand 'echo hi'", ['ForceCommand', "'echo", "hi'"]],
    ['PermitRootLogin no # note', ['PermitRootLogin', 'no', '#', 'note']],
    ['Banner "/etc/my banner"', ['Banner', '/etc/my banner']],
    ['Port', ['Port']],
  ])('up to OpenSSH 8.6 every argument goes through strdelim(): %j', (line, expected) => {
    const t = tokenizeConfigLine(line, true);
    expect(t.kind === 'directive' ? [t.keyword, ...t.args.map((a) => a.value)] : t.kind).toEqual(expected);
  });

  it('keeps exact ranges of the keyword and each argument', () => {
    const t = tokenizeConfigLine('  Ciphers = "aes128-ctr" b');
    if (t.kind !== 'directive') throw new Error(t.kind);
    expect(t.keywordRange).toEqual({ start: 2, end: 9 });
    expect(t.args.map((a) => a.range)).toEqual([
      { start: 12, end: 24 },
      { start: 25, end: 26 },
    ]);
  });
});
