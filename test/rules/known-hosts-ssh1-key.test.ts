import rule from '../../src/rules/known-hosts/ssh1-key.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

ruleTable(rule, {
  valid: [{ name: 'modern key', text: `host ${KEYS.ed25519}\n` }],
  invalid: [{ name: 'SSH-1 RSA', text: 'old.example.com 1024 35 1234567890123456789\n', hits: [{ line: 1, column: 17 }] }],
});
