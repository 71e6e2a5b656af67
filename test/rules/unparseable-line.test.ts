import rule from '../../src/rules/key-files/unparseable-line.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [
    { name: 'a key', text: `${KEYS.ed25519} alice@laptop\n` },
    { name: 'comments and blank lines', text: `# keys\n\n   \n\t# indented comment\n${KEYS.rsa3072}\n` },
    { name: 'a key with options', text: `no-pty,from="10.0.0.0/8" ${KEYS.ed25519}\n` },
  ],
  invalid: [
    { name: 'free text', text: `${KEYS.ed25519}\nalice's laptop key\n`, hits: [{ line: 2, column: 1, message: "cannot read a key from 'alice's laptop key'" }] },
    { name: 'options without a key', text: 'no-pty,no-port-forwarding\n', hits: [{ line: 1, column: 1, endColumn: 26, message: 'not followed by a key' }] },
    { name: 'orphan base64', text: 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsab\n', hits: [{ line: 1, message: 'only base64' }] },
    { name: 'known_hosts line with a host but no key', kind: 'known_hosts', text: 'github.com\n', hits: [{ line: 1, message: "Host names 'github.com' are not followed by a key" }] },
  ],
});
