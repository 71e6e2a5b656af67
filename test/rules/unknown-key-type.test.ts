import rule from '../../src/rules/key-files/unknown-key-type.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'exact type names', text: `${KEYS.ed25519}\n${KEYS.ecdsa384}\n` },
    { name: 'DSA on 9.2 (known there; other rules judge it)', version: '9.2', text: `${KEYS.dsa1024}\n` },
    { name: 'a signature algorithm name is read as its key type', text: `rsa-sha2-512 ${blobOf(KEYS.rsa2048)}\n` },
  ],
  invalid: [
    { name: 'upper case', text: `SSH-ED25519 ${blobOf(KEYS.ed25519)}\n`, hits: [{ line: 1, column: 1, endColumn: 12, message: 'ssh-ed25519' }] },
    { name: 'short name', text: `ed25519 ${blobOf(KEYS.ed25519)}\n`, hits: [{ line: 1, column: 1 }] },
    { name: 'DSA on 10.0', version: '10.0', text: `${KEYS.dsa1024}\n`, hits: [{ line: 1, column: 1, endColumn: 8, message: 'removed in OpenSSH 10.0' }] },
    { name: 'DSA on 9.9 default builds', version: '9.9', text: `${KEYS.dsa1024}\n`, hits: [{ line: 1, message: 'not in default OpenSSH builds' }] },
    { name: 'unknown type in known_hosts', kind: 'known_hosts', text: `host ssh-foo ${blobOf(KEYS.ed25519)}\n`, hits: [{ line: 1, column: 6, message: "'ssh-foo'" }] },
  ],
});
