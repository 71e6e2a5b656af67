import rule from '../../src/rules/key-files/key-type-mismatch.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [{ name: 'matching labels', text: `${KEYS.ed25519}\n${KEYS.rsa2048}\n${KEYS.ecdsa521}\n` }],
  invalid: [
    { name: 'ssh-rsa label on an ed25519 blob', text: `ssh-rsa ${blobOf(KEYS.ed25519)} a\n`, hits: [{ line: 1, column: 1, endColumn: 8, message: 'ssh-ed25519 key' }] },
    { name: 'wrong ECDSA curve', text: `ecdsa-sha2-nistp256 ${blobOf(KEYS.ecdsa384)}\n`, hits: [{ line: 1, message: 'nistp384' }] },
    { name: 'plain label on a certificate', text: `ssh-ed25519 ${blobOf(KEYS.ed25519Cert)}\n`, hits: [{ line: 1 }] },
    { name: 'after options', text: `no-pty ssh-ed25519 ${blobOf(KEYS.rsa2048)}\n`, hits: [{ line: 1, column: 8 }] },
  ],
});
