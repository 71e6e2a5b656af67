import rule from '../../src/rules/key-files/key-rsa-weak.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: '2048 bits at the default minimum', text: `${KEYS.rsa2048} a\n` },
    { name: '3072 bits', text: `${KEYS.rsa3072} a\n` },
    { name: '3072 bits with a 3072 policy', policy: { minRsaBits: 3072 }, text: `${KEYS.rsa3072} a\n` },
    { name: '1024 bits with a 1024 policy', policy: { minRsaBits: 1024 }, text: `${KEYS.rsa1024} a\n` },
    { name: 'not RSA', text: `${KEYS.ed25519}\n${KEYS.ecdsa256}\n` },
    { name: 'known_hosts 2048', kind: 'known_hosts', text: `host ${KEYS.rsa2048}\n` },
  ],
  invalid: [
    { name: '1024 bits', text: `${KEYS.rsa1024} build@ci\n`, hits: [{ line: 1, column: 1, endColumn: 8, message: '1024-bit RSA key, below the 2048-bit minimum' }] },
    { name: 'with options', text: `restrict ${KEYS.rsa1024}\n`, hits: [{ line: 1, column: 10, endColumn: 17, message: 'ssh-audit recommends 3072' }] },
    { name: '2048 bits under a 3072 policy', policy: { minRsaBits: 3072 }, text: `${KEYS.ed25519}\n${KEYS.rsa2048}\n`, hits: [{ line: 2, message: 'policy.minRsaBits' }] },
    { name: 'known_hosts host key', kind: 'known_hosts', text: `host ${KEYS.rsa1024}\n`, hits: [{ line: 1, column: 6 }] },
    { name: '.pub file', kind: 'public_key', text: `${KEYS.rsa1024} me\n`, hits: [{ line: 1 }] },
  ],
});
