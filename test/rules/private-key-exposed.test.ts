import rule from '../../src/rules/secrets/private-key-exposed.js';
import { generatedKey, generatedKeys } from '../fixtures/private-keys.js';
import { AUTHORIZED_KEYS_PATH, privateKeyRuleTable } from './private-key-rule-tester.js';

const ed = generatedKey('openssh-ed25519');
const lines = (name: string): string[] => generatedKey(name).text.trimEnd().split('\n');
const edLines = lines('openssh-ed25519');

privateKeyRuleTable(rule, {
  valid: [
    { name: 'a public key', text: `${ed.publicLine}\n` },
    { name: 'an encrypted key (SSH601 reports it)', text: generatedKey('openssh-ed25519-enc').text },
    { name: 'a template', text: 'key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  {{ vault_deploy_key }}\n  -----END OPENSSH PRIVATE KEY-----\n' },
    { name: 'an example cut short', text: `${edLines.slice(0, 2).join('\n')}\n...\n${edLines.at(-1)}\n` },
  ],
  invalid: [
    ...generatedKeys()
      .filter((key) => !key.encrypted)
      .map((key) => ({
        name: `${key.name} on its own`,
        text: key.text,
        hits: [{ line: 1, column: 1, endLine: lines(key.name).length, message: key.fingerprint ?? 'PKCS#8' }],
      })),
    {
      name: 'the message names format, type, bits and the matching public key',
      text: `# id_ed25519\n${ed.text}`,
      authorizedKeys: `# ci\n${ed.publicLine}\n`,
      hits: [
        {
          line: 2,
          endLine: edLines.length + 1,
          message: `(OpenSSH (openssh-key-v1) ssh-ed25519 key, 256 bits, ${ed.fingerprint}); anyone who can read the repository can use it. Matching public key: ${AUTHORIZED_KEYS_PATH}:2.`,
          related: [{ file: AUTHORIZED_KEYS_PATH, line: 2 }],
        },
      ],
    },
    {
      name: 'no matching public key is said too',
      text: ed.text,
      authorizedKeys: `${generatedKey('openssh-rsa').publicLine}\n`,
      hits: [{ line: 1, message: 'No scanned authorized_keys, known_hosts or .pub file holds its public key.' }],
    },
    {
      name: 'pasted into an authorized_keys file, with a one-line key before it',
      text: `${ed.publicLine}\n${ed.text}`,
      hits: [{ line: 2, endLine: edLines.length + 1 }],
    },
    {
      name: 'two keys in a GitHub Actions workflow',
      text: `env:\n  A: |\n${edLines.map((l) => `    ${l}`).join('\n')}\n  B: "${lines('pem-rsa').join('\\n')}"\n`,
      hits: [
        { line: 3, column: 5, message: 'OpenSSH' },
        { line: 3 + edLines.length, column: 7, endLine: 3 + edLines.length, message: 'PEM RSA (PKCS#1) ssh-rsa key, 2048 bits' },
      ],
    },
  ],
});
