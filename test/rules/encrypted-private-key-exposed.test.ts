import rule from '../../src/rules/secrets/encrypted-private-key-exposed.js';
import { generatedKey, generatedKeys } from '../fixtures/private-keys.js';
import { AUTHORIZED_KEYS_PATH, privateKeyRuleTable } from './private-key-rule-tester.js';

const lines = (name: string): number => generatedKey(name).text.trimEnd().split('\n').length;
const edEnc = generatedKey('openssh-ed25519-enc');

privateKeyRuleTable(rule, {
  valid: [
    { name: 'an unencrypted key (SSH600 reports it)', text: generatedKey('openssh-ed25519').text },
    { name: 'an encryption header with a placeholder body', text: '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n<redacted>\n-----END RSA PRIVATE KEY-----\n' },
  ],
  invalid: [
    ...generatedKeys()
      .filter((key) => key.encrypted)
      .map((key) => ({ name: `${key.name} on its own`, text: key.text, hits: [{ line: 1, column: 1, endLine: lines(key.name) }] })),
    {
      name: 'OpenSSH: cipher, bcrypt, and the public key from the clear header',
      text: edEnc.text,
      authorizedKeys: `${edEnc.publicLine}\n`,
      hits: [
        {
          line: 1,
          message: `(OpenSSH (openssh-key-v1) ssh-ed25519 key, 256 bits, ${edEnc.fingerprint}, encrypted with aes256-ctr, passphrase hashed with bcrypt)`,
          related: [{ file: AUTHORIZED_KEYS_PATH, line: 1 }],
        },
      ],
    },
    {
      name: 'legacy PEM: one MD5 round, public key unknown',
      text: generatedKey('pem-rsa-enc').text,
      hits: [{ line: 1, message: 'PEM RSA (PKCS#1) ssh-rsa key, encrypted with AES-128-CBC, passphrase hashed with a single MD5: guessing is fast); ' }],
    },
    {
      name: 'encrypted PKCS#8',
      text: generatedKey('pkcs8-ec-enc').text,
      hits: [{ line: 1, message: 'encrypted PKCS#8 key, encrypted); anyone who can read the repository can guess its passphrase offline. Its public key cannot be known without the passphrase.' }],
    },
  ],
});
