import rule from '../../src/rules/authorized-keys/cert-authority-without-principals.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'with principals', text: `cert-authority,principals="alice" ${KEYS.ca}\n` },
    { name: 'principals first', text: `principals="alice,deploy",cert-authority ${KEYS.ca}\n` },
    { name: 'plain key', text: `${KEYS.ed25519}\n` },
    { name: 'certificate line (certificate-as-key reports it)', text: `cert-authority ${KEYS.ed25519Cert}\n` },
  ],
  invalid: [
    { name: 'bare cert-authority', text: `cert-authority ${KEYS.ca} users-ca\n`, hits: [{ line: 1, column: 1, endColumn: 15, message: 'whose principals include the login name' }] },
    { name: 'empty principal lists accepted up to 10.2', version: '10.2', text: `cert-authority ${KEYS.ca}\n`, hits: [{ line: 1, message: 'no principals at all' }] },
    { name: 'with other options', text: `restrict,cert-authority,command="/bin/x" ${KEYS.ca}\n`, hits: [{ line: 1, column: 10, endColumn: 24 }] },
  ],
});
