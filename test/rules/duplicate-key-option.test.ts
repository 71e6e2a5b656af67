import rule from '../../src/rules/authorized-keys/duplicate-option.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [{ name: 'repeatable options', text: `environment="A=1",environment="B=2",permitopen="h:1",permitopen="h:2" ${key}\n` }],
  invalid: [
    { name: 'two from=', text: `from="10.0.0.1",from="10.0.0.2" ${key}\n`, hits: [{ line: 1, column: 17, message: 'multiple "from" clauses' }] },
    { name: 'two command=', text: `command="a",no-pty,command="b" ${key}\n`, hits: [{ line: 1, message: 'multiple "command" clauses' }] },
  ],
});
