import rule from '../../src/rules/client-config/many-identities-without-identities-only.js';
import { describe, expect, it } from 'vitest';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import { DEFAULT_POLICY } from '../../src/rules/rule.js';
import { withoutHanging } from '../robustness/hang-guard.js';
import { analyseConfig, configRuleTable } from './config-rule-tester.js';
import { TEST_NOW } from './rule-tester.js';
import { STOCK_SSH_CASES } from '../fixtures/stock-configs.js';

const files = (n: number, indent = '    '): string => Array.from({ length: n }, (_, i) => `${indent}IdentityFile ~/.ssh/id_${i + 1}\n`).join('');

configRuleTable(rule, {
  valid: [
    ...STOCK_SSH_CASES,
    { name: 'five for all hosts', text: `Host *\n${files(5)}` },
    { name: 'six with IdentitiesOnly', text: `Host *\n${files(6)}    IdentitiesOnly yes\n` },
    { name: 'one per host', text: 'Host a\n    IdentityFile ~/.ssh/a\nHost b\n    IdentityFile ~/.ssh/b\nHost c\n    IdentityFile ~/.ssh/c\n' },
    { name: 'duplicates count once', text: `Host *\n${files(3)}${files(3)}` },
    { name: 'IdentitiesOnly for the block', text: `Host x\n    IdentitiesOnly yes\n${files(2)}Host *\n    IdentityFile ~/.ssh/a\n    IdentityFile ~/.ssh/b\n    IdentityFile ~/.ssh/c\n    IdentityFile ~/.ssh/d\n` },
  ],
  invalid: [
    { name: 'six for all hosts', text: `Host *\n${files(6)}`, hits: [{ line: 7, message: 'ssh offers 6 identity files to every host' }] },
    {
      name: 'block plus Host *',
      text: `Host work\n${files(2)}Host *\n    IdentityFile ~/.ssh/a\n    IdentityFile ~/.ssh/b\n    IdentityFile ~/.ssh/c\n    IdentityFile ~/.ssh/d\n`,
      hits: [{ line: 8, message: 'hosts matching the `Host work` block' }],
    },
    { name: 'reported once for the all-host list', text: `Host *\n${files(7)}Host a\n    IdentityFile ~/.ssh/extra\n`, hits: [{ line: 7 }] },
  ],
});

describe('a client config of 30,000 Host blocks', () => {
  it('is judged in linear time (each block used to rescan every line)', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `Host h${i}\n  User deploy\n  IdentityFile ~/.ssh/id_${i % 7}\n`).join('');
    const analysis = await analyseConfig({ ssh_config: text }, 'ssh_config', NEWEST_KNOWN_VERSION);
    const context = { version: NEWEST_KNOWN_VERSION, policy: DEFAULT_POLICY, now: TEST_NOW };
    expect(withoutHanging(() => rule.checkConfig(analysis, context), 10_000)).toEqual([]);
  });
});
