import rule from '../../src/rules/authorized-keys/invalid-from-pattern.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const K = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'no from=', text: `${K}\n` },
    { name: 'networks and addresses', text: `from="10.0.0.0/8,192.0.2.7,2001:db8::/32,::1" ${K}\n` },
    { name: 'host patterns and negation', text: `from="*.example.com,!bad.example.com,192.168.1.*" ${K}\n` },
    { name: 'negated network', text: `from="!10.1.0.0/16,10.0.0.0/8" ${K}\n` },
    { name: 'everything', text: `from="0.0.0.0/0,::/0" ${K}\n` },
    { name: 'inet_aton shorthand', text: `from="127.1" ${K}\n` },
    { name: 'scoped IPv6 depends on the server', text: `from="fe80::1%eth0/64" ${K}\n` },
    { name: '/129 is a host pattern before 9.8', version: '9.2', text: `from="10.0.0.0/129,10.0.0.1" ${K}\n` },
    { name: 'a blank before the mask is read from 9.8 on', text: `from="10.0.0.0/ 8" ${K}\n` },
    { name: 'from= on a CA line', text: `cert-authority,from="10.0.0.0/8" ${KEYS.ca}\n` },
  ],
  invalid: [
    { name: 'host bits set', text: `from="10.0.0.1/8" ${K}\n`, hits: [{ line: 1, column: 7, endColumn: 17, message: "'10.0.0.1/8' has host bits set beyond the /8 mask" }] },
    { name: 'host bits, second entry', text: `from="192.0.2.7,192.168.1.1/24" ${K}\n`, hits: [{ line: 1, column: 17, endColumn: 31, message: 'every address' }] },
    { name: 'IPv6 host bits', text: `from="2001:db8::1/32" ${K}\n`, hits: [{ line: 1, column: 7, endColumn: 21 }] },
    { name: 'mask too long', text: `from="10.0.0.0/33" ${K}\n`, hits: [{ line: 1, column: 7, endColumn: 18, message: 'longer than 32 bits' }] },
    { name: '/129 from 9.8', version: '9.8', text: `from="::/129" ${K}\n`, hits: [{ line: 1, message: 'longer than 128 bits' }] },
    { name: 'trailing comma', text: `from="10.0.0.0/8," ${K}\n`, hits: [{ line: 1, column: 17, endColumn: 18, message: 'empty entry' }] },
    { name: 'leading comma', text: `from=",10.0.0.0/8" ${K}\n`, hits: [{ line: 1, column: 7, endColumn: 8 }] },
    { name: 'doubled comma', text: `from="a,,b" ${K}\n`, hits: [{ line: 1, column: 9, endColumn: 10 }] },
    { name: 'lone !', text: `from="10.0.0.1,!" ${K}\n`, hits: [{ line: 1, column: 16, endColumn: 17 }] },
    { name: 'empty list', text: `from="" ${K}\n`, hits: [{ line: 1, column: 1, endColumn: 8 }] },
    { name: 'blank after a comma', text: `from="10.0.0.1, 10.0.0.2" ${K}\n`, hits: [{ line: 1, column: 16, endColumn: 25, message: 'does not allow what it names' }] },
    { name: 'blank in a negated entry', text: `from="10.0.0.0/8,! 10.1.2.3" ${K}\n`, hits: [{ line: 1, column: 18, endColumn: 28, message: 'excludes nothing' }] },
    { name: 'blank before the mask in 9.2', version: '9.2', text: `from="10.0.0.0/ 8" ${K}\n`, hits: [{ line: 1, column: 7 }] },
    { name: 'after other options, upper-case name', text: `no-pty,FROM="10.0.0.1/8" ${K}\n`, hits: [{ line: 1, column: 14, endColumn: 24 }] },
    { name: 'escaped quote before the entry', text: `from="a\\",10.0.0.1/8" ${K}\n`, hits: [{ line: 1, column: 11, endColumn: 21 }] },
    { name: 'two problems', text: `from="10.0.0.1/8,,10.0.0.2" ${K}\n`, hits: [{ line: 1, column: 7 }, { line: 1, column: 18 }] },
    { name: 'shorthand with a mask', text: `from="127.1/8" ${K}\n`, hits: [{ line: 1, message: '127.0.0.0/8' }] },
  ],
});
