import rule from '../../src/rules/known-hosts/bad-hash.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [{ name: 'a real hashed entry', text: `|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg= ${key}\n` }],
  invalid: [
    { name: 'short salt', text: `|1|abc|3988QV0VE8wmZL7suNrYQLITLCg= ${key}\n`, hits: [{ line: 1, column: 1, message: 'salt' }] },
    { name: 'no second separator', text: `|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y= ${key}\n`, hits: [{ line: 1 }] },
    { name: 'wrong magic', text: `|2|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg= ${key}\n`, hits: [{ line: 1 }] },
  ],
});
