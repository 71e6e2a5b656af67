import rule from '../../src/rules/known-hosts/hash-never-matches.js';
import { CERT_KEYS, HASHED } from '../fixtures/certificates.js';
import { ruleTable } from './rule-tester.js';

const { host } = CERT_KEYS;
const [, , salt, hash] = HASHED.web1.split('|') as [string, string, string, string];

ruleTable(rule, {
  valid: [
    { name: 'ssh-keygen -H output', text: `${HASHED.web1} ${host}\n${HASHED.web1Port2222} ${host}\n` },
    { name: 'a marker before a hashed name', text: `@revoked ${HASHED.web1} ${host}\n` },
    { name: 'plain names and wildcards', text: `web1.example.com,*.example.net,!bad.example.net ${host}\n` },
    { name: 'a | inside a plain pattern is not a hash', text: `web1.example.com,a|b ${host}\n` },
  ],
  invalid: [
    { name: 'hash plus a plain name', text: `${HASHED.web1},10.0.0.5 ${host}\n`, hits: [{ line: 1, column: 1, endColumn: HASHED.web1.length + 10, message: 'exactly one name' }] },
    { name: 'two hashes in one field', text: `${HASHED.web1},${HASHED.web1Port2222} ${host}\n`, hits: [{ line: 1, message: 'exactly one name' }] },
    { name: 'a wildcard after the hash', text: `${HASHED.web1}* ${host}\n`, hits: [{ line: 1, message: 'wildcards' }] },
    { name: 'a truncated hash', text: `|1|${salt}|${hash.slice(0, 20)} ${host}\n`, hits: [{ line: 1, message: 'hash part' }] },
    { name: 'hash without its padding', text: `|1|${salt}|${hash.replace(/=$/, '')} ${host}\n`, hits: [{ line: 1, message: 'hash part' }] },
    { name: 'a hash after a plain name', text: `web1.example.com,${HASHED.web1} ${host}\n`, hits: [{ line: 1, column: 18, endColumn: 18 + HASHED.web1.length, message: 'not at the start' }] },
    { name: 'a negated hash', text: `*.example.com,!${HASHED.web1} ${host}\n`, hits: [{ line: 1, column: 15, message: 'negated' }] },
    { name: 'a negated hash alone', text: `!${HASHED.web1} ${host}\n`, hits: [{ line: 1, column: 1 }] },
  ],
});
