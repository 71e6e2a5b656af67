import rule from '../../src/rules/key-files/nonstandard-key-label.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const rsa = blobOf(KEYS.rsa2048);

ruleTable(rule, {
  valid: [
    { name: 'ssh-rsa label', text: `${KEYS.rsa2048} a\n` },
    { name: 'other types', text: `${KEYS.ed25519}\n${KEYS.ecdsa256}\n` },
    { name: 'alias as a comment word', text: `${KEYS.rsa2048} rsa-sha2-512\n` },
  ],
  invalid: [
    { name: 'rsa-sha2-512', text: `rsa-sha2-512 ${rsa} build@ci\n`, hits: [{ line: 1, column: 1, endColumn: 13, message: 'OpenSSH reads it as ssh-rsa' }] },
    { name: 'rsa-sha2-256 after options', text: `restrict rsa-sha2-256 ${rsa}\n`, hits: [{ line: 1, column: 10, endColumn: 22, message: "'rsa-sha2-256'" }] },
    { name: 'known_hosts', kind: 'known_hosts', text: `host rsa-sha2-512 ${rsa}\n`, hits: [{ line: 1, column: 6 }] },
    { name: '.pub file', kind: 'public_key', text: `rsa-sha2-256 ${rsa} me\n`, hits: [{ line: 1 }] },
  ],
});
