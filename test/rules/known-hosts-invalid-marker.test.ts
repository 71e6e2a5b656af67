import rule from '../../src/rules/known-hosts/invalid-marker.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [{ name: 'both markers', text: `@cert-authority *.example.com ${KEYS.ca}\n@revoked old.example.com ${key}\n` }],
  invalid: [
    { name: 'unknown marker', text: `@ca *.example.com ${key}\n`, hits: [{ line: 1, column: 1, endColumn: 4 }] },
    { name: 'two markers', text: `@revoked @cert-authority h ${key}\n`, hits: [{ line: 1, column: 10 }] },
    { name: 'tab after the marker with spaces later', text: `@revoked\th ${key}\n`, hits: [{ line: 1 }] },
    { name: 'case matters', text: `@Revoked h ${key}\n`, hits: [{ line: 1 }] },
  ],
});
