import rule from '../../src/rules/authorized-keys/invalid-option-value.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'expiry formats', text: ['20991231', '20991231Z', '209912312359', '20991231235959Z', '20991231UTC'].map((t) => `expiry-time="${t}" ${key}`).join('\n') + '\n' },
    { name: 'permitopen forms', text: `permitopen="host:22",permitopen="[2001:db8::1]:443",permitopen="*:*",permitlisten="8080",permitlisten="localhost:ssh" ${key}\n` },
    { name: 'tunnel and environment', text: `tunnel="0",tunnel="any",environment="PATH_X=/bin:/x" ${key}\n` },
  ],
  invalid: [
    { name: 'ISO date', text: `expiry-time="2099-12-31" ${key}\n`, hits: [{ line: 1, column: 1, message: 'invalid expires time' }] },
    { name: 'month 13', text: `expiry-time="20991331" ${key}\n`, hits: [{ line: 1 }] },
    { name: 'environment without =', text: `environment="PATH" ${key}\n`, hits: [{ line: 1, message: 'invalid environment string' }] },
    { name: 'environment with a bad name', text: `environment="MY-VAR=1" ${key}\n`, hits: [{ line: 1 }] },
    { name: 'permitopen without port', text: `permitopen="db.internal" ${key}\n`, hits: [{ line: 1, message: 'invalid permission port' }] },
    { name: 'permitopen port 0', text: `permitopen="db:0" ${key}\n`, hits: [{ line: 1 }] },
    { name: 'permitopen port too large', text: `no-pty,permitopen="db:70000" ${key}\n`, hits: [{ line: 1, column: 8 }] },
    { name: 'tunnel name', text: `tunnel="tun0" ${key}\n`, hits: [{ line: 1, message: 'invalid tun device' }] },
  ],
});
