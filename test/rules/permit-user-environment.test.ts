import rule from '../../src/rules/config/permit-user-environment.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'no', text: 'PermitUserEnvironment no\n' },
    { name: 'narrow allowlist', text: 'PermitUserEnvironment LANG,LC_*\n' },
    { name: 'one harmless variable', text: 'PermitUserEnvironment TZ\n' },
    { name: 'dead yes after no', text: 'PermitUserEnvironment no\nPermitUserEnvironment yes\n' },
    { name: '7.7: flag no', version: '7.7', text: 'PermitUserEnvironment No\n' },
  ],
  invalid: [
    { name: 'yes', text: 'PermitUserEnvironment yes\n', hits: [{ line: 1, column: 23, endColumn: 26, message: 'any variable' }] },
    { name: 'No is a pattern list', text: 'PermitUserEnvironment No\n', hits: [{ line: 1, message: 'so the feature is switched ON' }] },
    { name: 'Yes is a pattern list too', text: 'PermitUserEnvironment Yes\n', hits: [{ line: 1, message: "only a variable named 'Yes' passes" }] },
    { name: 'wildcard', text: 'PermitUserEnvironment *\n', hits: [{ line: 1, message: 'LD_PRELOAD' }] },
    { name: 'LD_* in a list', text: 'PermitUserEnvironment LANG,LD_*\n', hits: [{ line: 1, message: 'LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT' }] },
    { name: 'PATH', text: 'PermitUserEnvironment PATH\n', hits: [{ line: 1, message: 'PATH' }] },
    { name: '7.7: yes (a flag before pattern lists)', version: '7.7', text: 'PermitUserEnvironment yes\n', hits: [{ line: 1 }] },
  ],
});
