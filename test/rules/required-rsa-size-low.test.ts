import rule from '../../src/rules/config-crypto/required-rsa-size-low.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: '3072', text: 'RequiredRSASize 3072\n' },
    { name: '2048 at the default policy', text: 'RequiredRSASize 2048\n' },
    { name: '1024 with a 1024 policy', policy: { minRsaBits: 1024 }, text: 'RequiredRSASize 1024\n' },
    { name: 'a dead line', text: 'RequiredRSASize 3072\nRequiredRSASize 1024\n' },
    { name: 'too new for 9.0 (another rule\'s)', version: '9.0', text: 'RequiredRSASize 1024\n' },
    { name: 'not a number (another rule\'s)', text: 'RequiredRSASize lots\n' },
    { name: 'ssh: one named host', kind: 'ssh_config', text: 'Host old-nas\n    RequiredRSASize 1024\n' },
  ],
  invalid: [
    { name: '1024', text: 'RequiredRSASize 1024\n', hits: [{ line: 1, column: 17, endColumn: 21, message: 'RSA client keys from 1024 bits are accepted, and RSA under 2048 bits' }] },
    { name: 'below OpenSSH\'s floor', text: 'RequiredRSASize 512\n', hits: [{ line: 1, message: 'changes nothing' }] },
    { name: '2048 under a 3072 policy', policy: { minRsaBits: 3072 }, text: 'RequiredRSASize 2048\n', hits: [{ line: 1, message: 'below the 3072-bit minimum (policy.minRsaBits)' }] },
    { name: 'ssh_config', kind: 'ssh_config', text: 'Host *\n    RequiredRSASize 1024\n', hits: [{ line: 2, message: 'host and identity keys' }] },
    { name: 'sshd Match block judged on its own', text: 'RequiredRSASize 3072\nMatch all\n    RequiredRSASize 1024\n', hits: [{ line: 3 }] },
  ],
});
