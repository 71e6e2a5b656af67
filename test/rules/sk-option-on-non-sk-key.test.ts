import rule from '../../src/rules/authorized-keys/sk-option-on-non-sk-key.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const K = KEYS.ed25519;
const SK_ED25519 = 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4GmAAAABHNzaDo=';
const SK_ECDSA =
  'sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBCHYwDe0QBJU8tU7ddLVhXn1mAv4P6/YWWVcSZRs+P0ONCKuwVt2KCw/2XtMdYUKZcjO+FhF5vFSRrv1MVdMGawAAAAEc3NoOg==';

ruleTable(rule, {
  valid: [
    { name: 'sk-ed25519 with verify-required', text: `verify-required ${SK_ED25519}\n` },
    { name: 'sk-ecdsa with no-touch-required', text: `no-touch-required ${SK_ECDSA}\n` },
    // sshd(8): "Trust CA key, allow touch-less FIDO if requested in certificate".
    { name: 'CA line (applies to the certificates it signs)', text: `cert-authority,no-touch-required,principals="user_a" ${KEYS.ca}\n` },
    { name: 'no sk options', text: `restrict ${K}\n` },
  ],
  invalid: [
    { name: 'verify-required on ed25519', text: `verify-required ${K} alice\n`, hits: [{ line: 1, column: 1, endColumn: 16, message: 'no PIN or biometric check is added' }] },
    { name: 'no-touch-required on RSA', text: `no-touch-required ${KEYS.rsa2048}\n`, hits: [{ line: 1, column: 1, endColumn: 18, message: 'on this ssh-rsa key' }] },
    { name: 'both, upper case', text: `restrict,NO-TOUCH-REQUIRED,Verify-Required ${KEYS.ecdsa256}\n`, hits: [{ line: 1, column: 10, message: "NO-TOUCH-REQUIRED only affects" }, { line: 1, column: 28, endColumn: 43 }] },
    { name: 'positive and negated defaults', text: `touch-required,no-verify-required ${K}\n`, hits: [{ line: 1, column: 1 }, { line: 1, column: 16 }] },
  ],
});
