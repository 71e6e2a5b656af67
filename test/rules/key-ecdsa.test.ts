import rule from '../../src/rules/key-files/key-ecdsa.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const SK_ED25519 = 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4GmAAAABHNzaDo=';
const SK_ECDSA =
  'sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBCHYwDe0QBJU8tU7ddLVhXn1mAv4P6/YWWVcSZRs+P0ONCKuwVt2KCw/2XtMdYUKZcjO+FhF5vFSRrv1MVdMGawAAAAEc3NoOg==';

ruleTable(rule, {
  valid: [
    { name: 'ed25519, RSA, sk-ed25519', text: `${KEYS.ed25519}\n${KEYS.rsa2048}\n${SK_ED25519}\n` },
  ],
  invalid: [
    {
      name: 'all three curves',
      text: `${KEYS.ecdsa256}\n${KEYS.ecdsa384}\n${KEYS.ecdsa521}\n`,
      hits: [
        { line: 1, column: 1, endColumn: 20, message: 'nistp256' },
        { line: 2, message: 'nistp384' },
        { line: 3, message: 'nistp521' },
      ],
    },
    { name: 'FIDO ECDSA', text: `no-touch-required ${SK_ECDSA}\n`, hits: [{ line: 1, column: 19, message: 'FIDO security-key ECDSA key' }] },
    { name: 'known_hosts', kind: 'known_hosts', text: `host ${KEYS.ecdsa256}\n`, hits: [{ line: 1, column: 6, message: 'CIS and Mozilla accept' }] },
  ],
});
