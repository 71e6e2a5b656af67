import rule from '../../src/rules/authorized-keys/unknown-option.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'every flag', text: `restrict,cert-authority,port-forwarding,no-port-forwarding,agent-forwarding,no-agent-forwarding,x11-forwarding,no-x11-forwarding,pty,no-pty,user-rc,no-user-rc,touch-required,no-touch-required,verify-required,no-verify-required ${key}\n` },
    { name: 'names are case-insensitive', text: `NO-PTY,Restrict ${key}\n` },
    { name: 'empty options and a trailing comma are accepted', text: `no-pty,,no-X11-forwarding ${key}\nno-pty, ${key}\n` },
  ],
  invalid: [
    { name: 'misspelt', text: `no-port-fowarding,no-pty ${key}\n`, hits: [{ line: 1, column: 1, message: 'unknown key option' }] },
    { name: 'a flag given a value', text: `restrict=yes ${key}\n`, hits: [{ line: 1, column: 1 }] },
    { name: 'prefix match then junk', text: `no-ptyx ${key}\n`, hits: [{ line: 1 }] },
    { name: 'negated cert-authority', text: `no-cert-authority ${key}\n`, hits: [{ line: 1 }] },
    { name: 'second option unknown', text: `no-pty,nopty ${key}\n`, hits: [{ line: 1, column: 8 }] },
  ],
});
