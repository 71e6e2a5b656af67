/**
 * addr_pton_cidr / addr_match_list as sshd runs them. The address cases were checked against
 * glibc's getaddrinfo(AI_NUMERICHOST) (70 000 generated strings, all equal), and the list
 * verdicts against a throw-away OpenSSH 9.2p1 sshd on 127.0.0.1 ("invalid from criteria").
 */
import { describe, expect, it } from 'vitest';
import {
  checkAddressPatternList,
  formatAddress,
  parseCidr,
  parseNumericAddress,
  splitPatternList,
} from '../../src/parse/address-patterns.js';

const text = (s: string) => {
  const a = parseNumericAddress(s);
  return a && a !== 'unknown' ? formatAddress(a) : a;
};

describe('parseNumericAddress (glibc getaddrinfo AI_NUMERICHOST)', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['10', '0.0.0.10'],
    ['0x7f.1', '127.0.0.1'],
    ['0X7F.1', '127.0.0.1'],
    ['010.0.0.1', '8.0.0.1'],
    ['1.2.65535', '1.2.255.255'],
    ['4294967295', '255.255.255.255'],
    ['1.2.3.0x4', '1.2.3.4'],
    ['::1', '::1'],
    ['::', '::'],
    ['1::', '1::'],
    ['::ffff:1.2.3.4', '::ffff:102:304'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['ABCD::', 'abcd::'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
  ])('reads %s as %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    '08.0.0.1', '127.0.0.1 ', ' 127.0.0.1', '1.2.3.4.5', '256.1.1.1', '1.2.65536', '4294967296', '0x', '0x.1',
    '1..2', '1.2.3.', '+1.2.3.4', '1. 2.3.4', 'a', '1e1', '[::1]', '1::2::3', '::01.2.3.4', '::1.2.3', '12345::',
    '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:1.2.3.4', ':1::2', '1:::2', ':::', ':1:2:3:4:5:6:7', '::ABCDE', '1:', '',
  ])('rejects %j', (input) => {
    expect(parseNumericAddress(input)).toBeUndefined();
  });

  it('leaves scoped IPv6 addresses to the server (interface names)', () => {
    expect(parseNumericAddress('fe80::1%eth0')).toBe('unknown');
    expect(parseNumericAddress('fe80::1%1')).toBe('unknown');
    expect(parseNumericAddress('fe80::1%eth0 ')).toBeUndefined();
    expect(parseNumericAddress('1.2.3.4%eth0')).toBeUndefined();
  });
});

describe('parseCidr (addr_pton_cidr)', () => {
  it('accepts networks and single addresses', () => {
    expect(parseCidr('10.0.0.0/8', '9.2')).toMatchObject({ kind: 'network', maskLength: 8 });
    expect(parseCidr('192.0.2.7', '9.2')).toMatchObject({ kind: 'network', maskLength: 32 });
    expect(parseCidr('2001:db8::/32', '9.2')).toMatchObject({ kind: 'network', maskLength: 32 });
    expect(parseCidr('::/0', '9.2')).toMatchObject({ kind: 'network', maskLength: 0 });
    expect(parseCidr('8.0.0.0/010', '9.2')).toMatchObject({ kind: 'network', maskLength: 10 }); // decimal, not octal
  });

  it('finds host bits and over-long masks (-2)', () => {
    expect(parseCidr('10.0.0.1/8', '9.2')).toMatchObject({ kind: 'host-bits', maskLength: 8 });
    expect(parseCidr('1.2.3.4/0', '9.2')).toMatchObject({ kind: 'host-bits' });
    expect(parseCidr('127.1/8', '9.2')).toMatchObject({ kind: 'host-bits' });
    expect(parseCidr('::1/64', '9.2')).toMatchObject({ kind: 'host-bits' });
    expect(parseCidr('1.2.3.4/08', '9.2')).toMatchObject({ kind: 'host-bits', maskLength: 8 });
    expect(parseCidr('10.0.0.0/33', '9.2')).toMatchObject({ kind: 'mask-too-long', maskLength: 33 });
    expect(parseCidr('10.0.0.0/128', '9.2')).toMatchObject({ kind: 'mask-too-long' });
  });

  it('treats everything else as a host pattern (-1)', () => {
    for (const entry of ['*.example.com', 'host/8', '10.0.0.*', '10.0.0.0/', '10.0.0.0/8/9', '10.0.0.0/8 ', `${'1'.repeat(60)}.0.0.0/8`]) {
      expect(parseCidr(entry, '9.2')).toEqual({ kind: 'not-an-address' });
    }
  });

  it('reads the mask as each release does', () => {
    // /129: "not an address" until 9.7, an error from 9.8 (strtonum up to INT_MAX).
    expect(parseCidr('10.0.0.0/129', '9.2').kind).toBe('not-an-address');
    expect(parseCidr('10.0.0.0/129', '9.8').kind).toBe('mask-too-long');
    expect(parseCidr('::/129', '10.5').kind).toBe('mask-too-long');
    expect(parseCidr('10.0.0.0/99999999999', '10.5').kind).toBe('not-an-address');
    // A leading blank or sign: strtoul took it before 9.1, 9.1–9.7 want a digit, strtonum takes it again.
    expect(parseCidr('10.0.0.0/ 8', '8.9').kind).toBe('network');
    expect(parseCidr('10.0.0.0/ 8', '9.2').kind).toBe('not-an-address');
    expect(parseCidr('10.0.0.0/+8', '9.2').kind).toBe('not-an-address');
    expect(parseCidr('10.0.0.0/ 8', '9.8').kind).toBe('network');
    expect(parseCidr('0.0.0.0/-0', '9.8').kind).toBe('network');
    expect(parseCidr('10.0.0.0/-0', '9.8').kind).toBe('host-bits');
    expect(parseCidr('10.0.0.0/-8', '9.8').kind).toBe('not-an-address');
  });
});

describe('checkAddressPatternList (addr_match_list)', () => {
  const codes = (list: string, version = '9.2') => checkAddressPatternList(list, version).map((p) => p.code);

  it('splits like strsep and strips one !', () => {
    expect(splitPatternList('a,!b,,')).toEqual([
      { text: 'a', negated: false, start: 0, end: 1 },
      { text: 'b', negated: true, start: 2, end: 4 },
      { text: '', negated: false, start: 5, end: 5 },
      { text: '', negated: false, start: 6, end: 6 },
    ]);
  });

  // Each verdict below is what sshd 9.2p1 did for a client at 127.0.0.1.
  it.each([
    ['127.0.0.0/8', []],
    ['127.0.0.0/129,127.0.0.1', []],
    ['127.0.0.1,::/0', []],
    ['127.0.0.1,010.0.0.0/8', []],
    ['127.0.0.1,1.2.3.4/-0', []],
    ['127.0.0.1,1.2.3.4/+8', []],
    ['127.1', []],
    ['127.0.0.1,fe80::1%eth0/64', []], // invalid on that server, which has an eth0: not decidable here
    ['*.example.com,!bad.example.com,192.168.*', []],
    ['127.0.0.1/8', ['host-bits']],
    ['127.0.0.0/33', ['mask-too-long']],
    ['127.0.0.1,', ['empty']],
    [',127.0.0.1', ['empty']],
    ['127.0.0.1,!', ['empty']],
    ['', ['empty']],
    ['127.0.0.1,::1/64', ['host-bits']],
    ['127.0.0.1,0x7f.1/8', ['host-bits']],
    ['127.0.0.1,1.2.3.4/0', ['host-bits']],
    ['127.0.0.1,1.2.3.4/08', ['host-bits']],
    ['127.0.0.1,!10.0.0.1/8', ['host-bits']],
    ['127.1/8', ['host-bits']],
    ['10.0.0.1, 127.0.0.1', ['blank']], // not an error, but 127.0.0.1 is refused
    ['127.0.0.1,10.0.0.0/ 8', ['blank']], // dead entry in 9.2
  ] as const)('%j → %j', (list, expected) => {
    expect(codes(list)).toEqual(expected);
  });

  it('reports every bad entry, with the network to suggest', () => {
    const problems = checkAddressPatternList('10.0.0.1/8,,2001:db8::1/32', '9.2');
    expect(problems.map((p) => p.code)).toEqual(['host-bits', 'empty', 'host-bits']);
    expect(problems[0]).toMatchObject({ network: '10.0.0.0', host: '10.0.0.1', maskLength: 8, entry: { start: 0, end: 10 } });
    expect(problems[2]).toMatchObject({ network: '2001:db8::', maskLength: 32 });
  });

  it('follows the release for masks and blanks', () => {
    expect(codes('10.0.0.0/129', '9.2')).toEqual([]);
    expect(codes('10.0.0.0/129', '10.5')).toEqual(['mask-too-long']);
    expect(codes('127.0.0.1,10.0.0.0/ 8', '10.5')).toEqual([]);
  });
});
