import { describe, expect, it } from 'vitest';
import { matchAddressList } from '../../src/parse/address-patterns.js';

describe('matchAddressList (addrmatch.c addr_match_list)', () => {
  it.each([
    ['10.0.0.1', '10.0.0.0/8', 1],
    ['10.0.0.1', '192.168.0.0/16', 0],
    ['10.0.0.1', '10.0.0.0/8,!10.0.0.1', -1],
    ['10.0.0.1', '10.0.0.*', 1],
    ['10.0.0.1', '10.0.0.1', 1],
    ['2001:db8::1', '2001:db8::/32', 1],
    ['2001:db8::1', '10.0.0.0/8', 0],
    // An entry that is no address is a pattern over the address text, a mask that is no number included.
    ['10.0.0.1', '1.2.3.4/40x', 0],
    // addr_pton_cidr's -2: sshd refuses the Match ("Invalid Match address argument").
    ['10.0.0.1', '10.0.0.1/33', -2],
    ['10.0.0.1', '10.0.0.1/8', -2],
    ['10.0.0.1', '10.0.0.0/8,', -2],
    // A connection address that is not one matches nothing.
    ['not-an-address', '*', 0],
  ] as const)('%s in %s: %i', (address, list, expected) => {
    expect(matchAddressList(address, list, '9.2')).toBe(expected);
  });
});
