import rule from '../../src/rules/authorized-keys/environment-option-ignored.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const K = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'no environment', text: `command="x",no-pty ${K}\n` },
    { name: 'environment in a comment', text: `# environment="A=b" ${K}\n` },
  ],
  invalid: [
    { name: 'one variable', text: `environment="DEPLOY_ENV=prod" ${K}\n`, hits: [{ line: 1, column: 1, endColumn: 30, message: 'PermitUserEnvironment' }] },
    { name: 'two variables, reported once', text: `no-pty,environment="A=1",environment="B=2" ${K}\n`, hits: [{ line: 1, column: 8, endColumn: 25, message: 'These 2 environment= options' }] },
    { name: 'on two lines', text: `environment="A=1" ${K}\nENVIRONMENT="B=2" ${KEYS.rsa2048}\n`, hits: [{ line: 1 }, { line: 2 }] },
  ],
});
