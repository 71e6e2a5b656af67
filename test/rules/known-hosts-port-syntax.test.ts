import rule from '../../src/rules/known-hosts/port-syntax.js';
import { HASHED } from '../fixtures/certificates.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'bracketed non-default port (ssh-keyscan -p 2222 output)', text: `[git.example.com]:2222 ${key}\n[10.0.0.7]:2200,[git.example.com]:2200 ${key}\n` },
    { name: 'bare names for port 22', text: `git.example.com,10.0.0.7 ${key}\n` },
    { name: 'IPv6 addresses without brackets are plain names', text: `2001:db8::1 ${key}\nfe80::1%eth0 ${key}\n::1 ${key}\n` },
    { name: 'bracketed IPv6 address with a port', text: `[2001:db8::1]:2222 ${key}\n` },
    { name: 'wildcards that can still match a bracketed name', text: `*:2222 ${key}\n[*.example.com]:* ${key}\n*.example.com* ${key}\n[web?.example.com]:2222 ${key}\n` },
    { name: 'hashed names are not looked at', text: `${HASHED.web1Port2222} ${key}\n` },
    { name: 'comments and markers', text: `# git.example.com:2222 is on the next line\n@cert-authority [*.example.com]:2222 ${KEYS.ca}\n` },
  ],
  invalid: [
    { name: 'host:port', text: `git.example.com:2222 ${key}\n`, hits: [{ line: 1, column: 1, endColumn: 21, message: '[git.example.com]:2222' }] },
    { name: 'IPv4 address with a port, second in the list', text: `[git.example.com]:2222,10.0.0.7:2222 ${key}\n`, hits: [{ line: 1, column: 24, endColumn: 37, message: '[10.0.0.7]:2222' }] },
    { name: '[host]:22 is never looked up', text: `[git.example.com]:22 ${key}\n`, hits: [{ line: 1, column: 1, endColumn: 21, message: 'bare name' }] },
    { name: 'host:22', text: `git.example.com:22 ${key}\n`, hits: [{ line: 1, message: 'bare name' }] },
    { name: 'brackets without a port', text: `[git.example.com] ${key}\n`, hits: [{ line: 1, message: ':port' }] },
    { name: 'missing closing bracket', text: `[git.example.com:2222 ${key}\n`, hits: [{ line: 1, message: '`]` is missing' }] },
    { name: 'leading zero in the port', text: `[git.example.com]:02222 ${key}\n`, hits: [{ line: 1, message: '[git.example.com]:2222' }] },
    { name: 'port out of range', text: `[git.example.com]:70000 ${key}\n`, hits: [{ line: 1, message: 'not a TCP port' }] },
    { name: 'negated pattern', text: `*.example.com,!db.example.com:5432 ${key}\n`, hits: [{ line: 1, column: 15, endColumn: 35, message: 'never excludes' }] },
    { name: 'wildcard domain with a port', text: `*.example.com:2222 ${key}\n`, hits: [{ line: 1, message: '[*.example.com]:2222' }] },
    { name: 'on a @cert-authority line', text: `@cert-authority *.example.com:2222 ${KEYS.ca}\n`, hits: [{ line: 1, column: 17, endColumn: 35 }] },
    { name: 'indented, CRLF', text: `  db:5432 ${key}\r\n`, hits: [{ line: 1, column: 3, endColumn: 10 }] },
  ],
});
