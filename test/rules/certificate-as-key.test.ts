import rule from '../../src/rules/authorized-keys/certificate-as-key.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'plain key', text: `${KEYS.ed25519}\n` },
    { name: 'CA key with cert-authority', text: `cert-authority,principals="alice" ${KEYS.ca} users-ca\n` },
  ],
  invalid: [
    { name: 'certificate pasted as a key', text: `${KEYS.ed25519Cert} alice@laptop\n`, hits: [{ line: 1, column: 1, endColumn: 33, message: 'not a public key' }] },
    { name: 'certificate with options', text: `${KEYS.ed25519}\nno-pty ${KEYS.ed25519Cert}\n`, hits: [{ line: 2, column: 8, endColumn: 40 }] },
    { name: 'certificate as a CA', text: `cert-authority ${KEYS.ed25519Cert}\n`, hits: [{ line: 1, column: 16, message: "CA's own public key" }] },
  ],
});
