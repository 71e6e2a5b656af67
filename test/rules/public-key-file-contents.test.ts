import rule from '../../src/rules/public-key/file-contents.js';
import { CERTS, CERT_KEYS } from '../fixtures/certificates.js';
import { ruleTable } from './rule-tester.js';

const { user, host } = CERT_KEYS;

ruleTable(rule, {
  valid: [
    { name: 'ssh-keygen output', text: `${user} alice@laptop\n` },
    { name: 'a certificate file', text: `${CERTS.valid}\n` },
    { name: 'comments and blank lines around one key', text: `# deploy key for CI\n\n  ${user} deploy@ci\r\n\n` },
    { name: 'no final newline', text: `${user}` },
    { name: 'an unparseable line is left to the malformed rules', text: 'ssh-ed25519\n' },
  ],
  invalid: [
    { name: 'options before the key', text: `restrict,command="/usr/bin/backup" ${user} backup@ci\n`, hits: [{ line: 1, column: 1, endColumn: 35, message: 'authorized_keys options' }] },
    { name: 'options on a certificate', text: `no-pty ${CERTS.valid}\n`, hits: [{ line: 1, column: 1, endColumn: 7 }] },
    {
      name: 'two keys',
      text: `${host} root@web1\n${user} alice@laptop\n`,
      hits: [{ line: 2, column: 1, endColumn: user.length + 1, message: 'holds 2 keys; ssh and ssh-keygen -s/-L/-e use only the key on line 1' }],
    },
    {
      name: 'options first, then a bare key: both problems',
      text: `no-pty ${host}\n${user}\n`,
      hits: [{ line: 1, column: 1, endColumn: 7 }, { line: 2, message: 'only the key on line 2' }],
    },
    { name: 'three keys, one finding', text: `${host}\n\n${user}\n${CERT_KEYS.hostNew}\n`, hits: [{ line: 3, message: '3 keys' }] },
    { name: 'only comments', text: '# ssh-ed25519 key goes here\n\n', hits: [{ line: 1, column: 1, endLine: 2, message: 'no key' }] },
    { name: 'an empty file', text: '', hits: [{ line: 1, column: 1, message: 'no key' }] },
  ],
});
