import rule from '../../src/rules/key-files/pasted-key-block.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const ed = blobOf(KEYS.ed25519);

ruleTable(rule, {
  valid: [{ name: 'dashes in a comment', text: `# ---- BEGIN SSH2 PUBLIC KEY ---- is not allowed here\n${KEYS.ed25519}\n` }],
  invalid: [
    {
      name: 'RFC 4716 block',
      text: `${KEYS.rsa2048}\n---- BEGIN SSH2 PUBLIC KEY ----\nComment: "alice"\n${ed}\n---- END SSH2 PUBLIC KEY ----\n`,
      hits: [{ line: 2, endLine: 5, message: 'RFC 4716 public key block' }],
    },
    {
      name: 'OpenSSH private key',
      text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n',
      hits: [{ line: 1, endLine: 3, message: 'PRIVATE key block' }],
    },
    { name: 'PuTTY key', text: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 2\nAAAA\nAAAA\nPrivate-Lines: 1\nAAAA\nPrivate-MAC: 00\n', hits: [{ line: 1, endLine: 9, message: 'PuTTY' }] },
    { name: 'RFC 4716 in a .pub', kind: 'public_key', text: `---- BEGIN SSH2 PUBLIC KEY ----\n${ed}\n---- END SSH2 PUBLIC KEY ----\n`, hits: [{ line: 1, endLine: 3 }] },
  ],
});
