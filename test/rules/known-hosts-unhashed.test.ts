import rule from '../../src/rules/known-hosts/unhashed.js';
import { CERT_KEYS, HASHED } from '../fixtures/certificates.js';
import { ruleTable } from './rule-tester.js';

const { host, caEd25519 } = CERT_KEYS;

ruleTable(rule, {
  valid: [
    { name: 'a hashed file', text: `${HASHED.web1} ${host}\n${HASHED.web1Port2222} ${host}\n` },
    { name: 'lines ssh-keygen -H leaves alone', text: `@cert-authority *.example.com ${caEd25519}\n@revoked web1.example.com ${host}\n*.example.com ${host}\nweb?.example.com ${host}\n*,!web1.example.com ${host}\n` },
    { name: 'comments and an empty file', text: '# hosts are hashed\n\n' },
  ],
  invalid: [
    { name: 'one plain line', text: `web1.example.com,10.0.0.5 ${host}\n`, hits: [{ line: 1, column: 1, endColumn: 26, message: 'clear text here:' }] },
    {
      name: 'one finding for the whole file, on the first plain line',
      text: `${HASHED.web1} ${host}\n[web1.example.com]:2222 ${host}\nweb2.example.com ${host}\ngithub.com ${host}\n`,
      hits: [{ line: 2, column: 1, endColumn: 24, message: '(and 2 more lines)' }],
    },
  ],
});
