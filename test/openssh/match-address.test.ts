import { describe, expect, it } from 'vitest';
import { matchAddressList } from '../../src/openssh/match.js';

describe('matchAddressList (addrmatch.c addr_match_list)', () => {
  it.each([
    ['10.0.0.1', '10.0.0.0/8', 1],
    ['10.0.0.1', '192.168.0.0/16', 0],
    ['10.0.0.1', '10.0.0.0/8,!10.0.0.1', -1],
    ['10.0.0.1', '10.0.0.*', 1],
    ['2001:db8::1', '2001:db8::/32', 1],
  ] as const)('%s in %s: %i', (address, list, expected) => {
    expect(matchAddressList(address, list)).toBe(expected);
  });

  it('takes an entry whose mask is not a number in range as a pattern, instead of aborting the process', () => {
    expect(matchAddressList('10.0.0.1', '1.2.3.4/40x')).toBe(0);
    expect(matchAddressList('10.0.0.1', '10.0.0.1/33')).toBe(0);
  });
});
