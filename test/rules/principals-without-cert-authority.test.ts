import rule from '../../src/rules/authorized-keys/principals-without-cert-authority.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const K = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'plain key', text: `${K}\n` },
    { name: 'CA with principals', text: `cert-authority,principals="alice,bob" ${KEYS.ca}\n` },
    { name: 'principals before cert-authority', text: `principals="alice",cert-authority ${KEYS.ca}\n` },
    { name: 'OpenSSH 7.6 ignored it', version: '7.6', text: `principals="alice" ${K}\n` },
  ],
  invalid: [
    { name: 'principals on a plain key', text: `principals="alice" ${K} alice@laptop\n`, hits: [{ line: 1, column: 1, endColumn: 19, message: 'principals on non-CA key' }] },
    { name: 'among other options', text: `no-pty,principals="a,b",command="x" ${K}\n`, hits: [{ line: 1, column: 8, endColumn: 24 }] },
    { name: 'upper case name', version: '7.7', text: `PRINCIPALS="alice" ${K}\n`, hits: [{ line: 1, column: 1 }] },
  ],
});
