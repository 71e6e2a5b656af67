import rule from '../../src/rules/public-key/certificate-signed-with-ssh-rsa.js';
import { CERTS, CERT_KEYS } from '../fixtures/certificates.js';
import { ruleTable } from './rule-tester.js';

const endOfKey = (line: string) => line.split(' ').slice(0, 2).join(' ').length + 1;

ruleTable(rule, {
  valid: [
    { name: 'RSA CA, rsa-sha2-512 signature (ssh-keygen 8.2+ default)', text: `${CERTS.signedRsaSha512}\n` },
    { name: 'Ed25519 CA', text: `${CERTS.valid}\n${CERTS.host}\n` },
    { name: 'a plain RSA key (ssh-rsa names the key type, not a signature)', text: `${CERT_KEYS.caRsa} rsa-ca@example.com\n` },
  ],
  invalid: [
    {
      name: 'user certificate signed with -t ssh-rsa',
      text: `${CERTS.signedSshRsa}\n`,
      hits: [{ line: 1, column: 1, endColumn: endOfKey(CERTS.signedSshRsa), message: 'sshd refuses this user certificate' }],
    },
    { name: 'host certificate', text: `${CERTS.hostSignedSshRsa}\n`, hits: [{ line: 1, message: 'ssh refuses this host certificate' }] },
    { name: 'target 8.2: refused', version: '8.2', text: `${CERTS.signedSshRsa}\n`, hits: [{ line: 1, message: "OpenSSH 8.2's default CASignatureAlgorithms" }] },
    { name: 'target 8.1: still accepted, but weak', version: '8.1', text: `${CERTS.signedSshRsa}\n`, hits: [{ line: 1, message: 'OpenSSH 8.1 accepts it' }] },
  ],
});
