import rule from '../../src/rules/secrets/private-key-in-key-file.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'public keys only', text: `${KEYS.ed25519}\n` },
    { name: 'an RFC 4716 public block is no secret', text: '---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----\n' },
  ],
  invalid: [
    { name: 'OpenSSH private key in authorized_keys', text: `${KEYS.ed25519}\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n`, hits: [{ line: 2, endLine: 4, message: 'OPENSSH PRIVATE KEY' }] },
    { name: 'PEM RSA in a .pub', kind: 'public_key', text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n', hits: [{ line: 1, endLine: 3 }] },
  ],
});
