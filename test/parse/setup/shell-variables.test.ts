import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import type { SetupKind } from '../../../src/core/file-kind.js';
import { createSourceFile } from '../../../src/core/source.js';
import { lintSetupSource } from '../../../src/engine/lint-setup.js';
import { buildRuleSet } from '../../../src/engine/rule-set.js';
import { RULES } from '../../../src/rules/index.js';
import type { RuleContext } from '../../../src/rules/rule.js';

const config = defaultConfig();
const context: RuleContext = { version: config.opensshVersion, policy: config.policy, now: 1_700_000_000 };
const ruleSet = buildRuleSet(RULES, config);
const NAMES: Partial<Record<SetupKind, string>> = { workflow: '.github/workflows/ci.yml', shell_script: 'deploy.sh', makefile: 'Makefile' };

/** `alias@line:column-endColumn` of each finding. */
async function findings(text: string, kind: SetupKind = 'shell_script'): Promise<string[]> {
  const { findings } = await lintSetupSource(createSourceFile(NAMES[kind]!, text), kind, ruleSet, context);
  return findings.map((finding) => `${finding.alias}@${finding.line}:${finding.column}-${finding.endColumn}`);
}

const OFF = 'strict-host-key-checking-off';

describe('ssh options in a variable set once', () => {
  it.each([
    ['double-quoted', 'SSH_OPTS="-o StrictHostKeyChecking=no"\nssh $SSH_OPTS deploy@example.com true\n', [`${OFF}@1:36-38`]],
    ['single-quoted, braces, exported', "export SSH_OPTS='-P 22 -o StrictHostKeyChecking=no'\nscp ${SSH_OPTS} a deploy@example.com:b\n", [`${OFF}@1:49-51`]],
    ['unquoted single word', 'OPT=StrictHostKeyChecking=no\nssh -o $OPT deploy@example.com true\n', [`${OFF}@1:27-29`]],
  ])('%s: reported where the value is written (the rule points at the value)', async (_name, text, expected) => {
    expect(await findings(text)).toEqual(expected);
  });

  it.each([
    ['set twice', 'SSH_OPTS="-o StrictHostKeyChecking=no"\nSSH_OPTS="-o StrictHostKeyChecking=yes"\nssh $SSH_OPTS h true\n'],
    ['set after the use', 'ssh $SSH_OPTS h true\nSSH_OPTS="-o StrictHostKeyChecking=no"\n'],
    ['quoted use: one word', 'SSH_OPTS="-o StrictHostKeyChecking=no"\nssh "$SSH_OPTS" h true\n'],
    ['read from input as well', 'SSH_OPTS="-o StrictHostKeyChecking=no"\nread SSH_OPTS\nssh $SSH_OPTS h true\n'],
    ['a loop variable', 'for SSH_OPTS in "-o StrictHostKeyChecking=no"; do ssh $SSH_OPTS h true; done\n'],
    ['only for one command', 'SSH_OPTS="-o StrictHostKeyChecking=no" make deploy\nssh $SSH_OPTS h true\n'],
    ['an expansion in the value', 'SSH_OPTS="-o StrictHostKeyChecking=$CHECK"\nssh $SSH_OPTS h true\n'],
    ['part of a word', 'SSH_OPTS="StrictHostKeyChecking=no"\nssh -o x$SSH_OPTS h true\n'],
    ['a glob in the value', 'SSH_OPTS="-o StrictHostKeyChecking=no -i *.pem"\nssh $SSH_OPTS h true\n'],
  ])('%s: not known, nothing said', async (_name, text) => {
    expect(await findings(text)).toEqual([]);
  });

  it('reports a value used by several commands once, where it is written', async () => {
    const text = 'SSH_OPTS="-o StrictHostKeyChecking=no"\nssh $SSH_OPTS h true\nscp $SSH_OPTS a h:b\nssh $SSH_OPTS h true\n';
    expect(await findings(text)).toEqual([`${OFF}@1:36-38`]);
  });

  it('keeps workflow jobs apart: a job cannot see another job’s variable', async () => {
    const workflow = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - run: |',
      '          OPTS="-o StrictHostKeyChecking=no"',
      '  b:',
      '    steps:',
      '      - run: ssh $OPTS h true',
      '',
    ].join('\n');
    expect(await findings(workflow, 'workflow')).toEqual([]);
    const env = ['env:', '  OPTS: -o StrictHostKeyChecking=no', 'jobs:', '  b:', '    steps:', '      - run: ssh $OPTS h true', ''].join('\n');
    expect(await findings(env, 'workflow')).toEqual([`${OFF}@2:34-36`]);
  });
});
