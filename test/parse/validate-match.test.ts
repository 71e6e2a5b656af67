import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import type { Release } from '../../src/openssh/releases.js';
import type { Directive } from '../../src/parse/config/config-model.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import { validateMatch, validateSshHost } from '../../src/parse/config/validate-match.js';

function directive(line: string, program: 'sshd' | 'ssh'): Directive {
  const model = parseConfigFile(createSourceFile('f', `${line}\n`), program === 'sshd' ? 'sshd_config' : 'ssh_config');
  const d = model.directives[0];
  if (!d) throw new Error(`not a directive: ${line}`);
  return d;
}

/** null: accepted; else "code/severity". */
function check(program: 'sshd' | 'ssh', release: Release, line: string): string | null {
  const r = validateMatch(directive(line, program), { program, release });
  return r.problem ? `${r.problem.code}/${r.problem.severity}` : null;
}

const BAD_SSHD = 'bad-match/fatal';
const BAD_SSH = 'bad-match/error';
const EXTRA = 'extra-arguments/error';

describe('sshd Match (servconf.c match_cfg_line)', () => {
  it.each<[Release, string, string | null]>([
    ['9.2', 'Match all', null],
    ['9.2', 'Match ALL # comment', null],
    ['9.2', 'Match all x', BAD_SSHD],
    ['9.2', 'Match User a all', BAD_SSHD],
    ['9.2', 'Match all User a', BAD_SSHD],
    ['9.2', 'Match User alice', null],
    ['9.2', 'Match user alice,bob Group staff Host *.example.com', null],
    ['9.2', 'Match User', BAD_SSHD],
    ['9.2', 'Match User ""', BAD_SSHD],
    ['9.2', 'Match User #c', BAD_SSHD],
    ['9.2', 'Match User=alice', null],
    ['9.2', 'Match User==alice', BAD_SSHD],
    ['9.2', 'Match User "alice bob"', null],
    ['9.2', 'Match User a "" x', EXTRA],
    ['9.2', 'Match Address 192.0.2.0/24,!192.0.2.7', null],
    ['9.2', 'Match Address 192.0.2.1/24', BAD_SSHD],
    ['9.2', 'Match Address 192.0.2.0/33', BAD_SSHD],
    ['9.2', 'Match Address 10.0.0.0/8,', BAD_SSHD],
    ['9.2', 'Match Address 192.0.2.*', null],
    ['9.2', 'Match LocalAddress 10.0.0.1/8', BAD_SSHD],
    ['9.2', 'Match LocalPort 22', null],
    ['9.2', 'Match LocalPort 0', null],
    ['9.2', 'Match LocalPort ssh', null],
    ['9.2', 'Match LocalPort x', BAD_SSHD],
    ['9.2', 'Match RDomain 1', null],
    ['9.2', 'Match Invalid-User', BAD_SSHD],
    ['9.2', 'Match Version OpenSSH*', BAD_SSHD],
    ['9.2', 'Match Bogus x', BAD_SSHD],
    ['9.2', 'Match #c', BAD_SSHD],
    ['9.9', 'Match Invalid-User', null],
    ['9.9', 'Match Invalid-User User a', null],
    ['9.9', 'Match User=alice', BAD_SSHD],
    ['9.9', 'Match User a "" x', BAD_SSHD],
    ['10.0', 'Match User=alice', null],
    ['10.0', 'Match user=alice address=10.0.0.0/8', null],
    ['10.0', 'Match Version OpenSSH_10*', null],
    ['10.0', 'Match bogus=x', BAD_SSHD],
    ['10.0', 'Match all ""', null],
    ['10.0', 'Match all "" x', EXTRA],
  ])('%s %s', (release, line, expected) => {
    expect(check('sshd', release, line)).toBe(expected);
  });

  it('says what OpenSSH says', () => {
    const m = (line: string, release: Release = '9.2') => validateMatch(directive(line, 'sshd'), { program: 'sshd', release }).problem?.message;
    expect(m('Match Bogus x')).toBe('Unsupported Match attribute Bogus; Bad Match condition');
    expect(m('Match Address 10.0.0.1/8')).toBe("Invalid Match address argument '10.0.0.1/8' at line 1");
    expect(m('Match all x')).toBe("'all' cannot be combined with other Match attributes; Bad Match condition");
    expect(m('Match User')).toBe('Missing Match criteria for User; Bad Match condition');
  });

  it('reads the criteria for the evaluator', () => {
    const r = validateMatch(directive('Match User alice,!bob Address 10.0.0.0/8 LocalPort 22', 'sshd'), { program: 'sshd', release: '9.2' });
    expect(r.criteria).toEqual({
      criteria: [
        { name: 'user', patterns: ['alice', '!bob'], value: 'alice,!bob' },
        { name: 'address', patterns: ['10.0.0.0/8'], value: '10.0.0.0/8' },
        { name: 'localport', patterns: ['22'], value: '22' },
      ],
    });
    expect(r.activeWithoutConnection).toBe(false);
    const all = validateMatch(directive('Match all', 'sshd'), { program: 'sshd', release: '9.2' });
    expect(all.criteria).toEqual({ all: true, criteria: [] });
    expect(all.activeWithoutConnection).toBe(true);
    const version = validateMatch(directive('Match version OpenSSH_10.5*', 'sshd'), { program: 'sshd', release: '10.5' });
    expect(version.activeWithoutConnection).toBe(true);
    expect(validateMatch(directive('Match version OpenSSH_9*', 'sshd'), { program: 'sshd', release: '10.5' }).activeWithoutConnection).toBe(false);
  });
});

describe('ssh Match (readconf.c match_cfg_line)', () => {
  it.each<[Release, string, string | null]>([
    ['9.2', 'Match all', null],
    ['9.2', 'Match !all', null],
    ['9.2', 'Match all x', BAD_SSH],
    ['9.2', 'Match host a all', null],
    ['9.2', 'Match host a user b all', BAD_SSH],
    ['9.2', 'Match canonical all', null],
    ['9.2', 'Match canonical', null],
    ['9.2', 'Match !final host x', null],
    ['9.2', 'Match host *.example.com,!a.example.com', null],
    ['9.2', 'Match Host', BAD_SSH],
    ['9.2', 'Match host ""', BAD_SSH],
    ['9.2', 'Match originalhost a user b localuser c', null],
    ['9.2', 'Match exec "test -f %d/x"', null],
    ['9.2', 'Match exec %z', 'bad-match/fatal'],
    ['9.2', 'Match exec %', 'bad-match/fatal'],
    ['9.2', 'Match exec %%', null],
    ['9.2', 'Match localnetwork 10.0.0.0/8', BAD_SSH],
    ['9.2', 'Match tagged x', BAD_SSH],
    ['9.2', 'Match bogus x', BAD_SSH],
    ['9.2', 'Match #c', BAD_SSH],
    ['9.2', 'Match host=a', null],
    ['9.4', 'Match localnetwork 10.0.0.0/8,192.168.0.0/16', null],
    ['9.4', 'Match localnetwork 10.0.0.1/8', BAD_SSH],
    ['9.4', 'Match localnetwork 10.0.0.*', BAD_SSH],
    ['9.4', 'Match localnetwork 10.0.0.0/8,', BAD_SSH],
    ['9.4', 'Match tagged x', null],
    ['9.4', 'Match tagged ""', BAD_SSH],
    ['9.9', 'Match host=a', BAD_SSH],
    ['10.0', 'Match host=a', null],
    ['10.0', 'Match tagged ""', null],
    ['10.0', 'Match command ""', null],
    ['10.0', 'Match sessiontype shell', null],
    ['10.0', 'Match sessiontype=shell', BAD_SSH],
    ['10.0', 'Match version OpenSSH_10*', null],
    ['10.0', 'Match host', BAD_SSH],
  ])('%s %s', (release, line, expected) => {
    expect(check('ssh', release, line)).toBe(expected);
  });

  it('keeps negation and patterns', () => {
    const r = validateMatch(directive('Match !host a,b final exec "x y"', 'ssh'), { program: 'ssh', release: '9.2' });
    expect(r.criteria).toEqual({
      criteria: [
        { name: 'host', negated: true, patterns: ['a', 'b'], value: 'a,b' },
        { name: 'final', patterns: [] },
        { name: 'exec', patterns: ['x y'], value: 'x y' },
      ],
    });
    expect(validateMatch(directive('Match !all', 'ssh'), { program: 'ssh', release: '9.2' }).criteria).toEqual({ negatedAll: true, criteria: [] });
  });
});

describe('ssh Host', () => {
  it.each<[Release, string, string | null]>([
    ['9.2', 'Host *', null],
    ['9.2', 'Host a b !c', null],
    ['9.2', 'Host a,b', null],
    ['9.2', 'Host ""', 'bad-match/error'],
    ['9.2', 'Host a ""', 'bad-match/error'],
    ['9.2', 'Host #c', null],
    ['8.6', 'Host a ""', null],
  ])('%s %s', (release, line, expected) => {
    const r = validateSshHost(directive(line, 'ssh'), { program: 'ssh', release });
    expect(r.problem ? `${r.problem.code}/${r.problem.severity}` : null).toBe(expected);
  });

  it('each word is a whole pattern (commas are literal)', () => {
    const r = validateSshHost(directive('Host a,b !c', 'ssh'), { program: 'ssh', release: '9.2' });
    expect(r.criteria).toEqual({ criteria: [{ name: 'host', patterns: ['a,b', '!c'] }] });
  });
});

describe('where a Match problem points', () => {
  it.each<[Release, string]>([
    ['8.4', 'Match User alice Bogus x'],
    ['9.2', 'Match User alice Bogus x'],
    ['9.9', 'Match User alice Bogus x'],
  ])('%s: at the bad criterion, whichever way the release splits the words', (release, line) => {
    const r = validateMatch(directive(line, 'sshd'), { program: 'sshd', release });
    expect(r.problem?.range && line.slice(r.problem.range.start, r.problem.range.end)).toBe('Bogus');
  });
});
