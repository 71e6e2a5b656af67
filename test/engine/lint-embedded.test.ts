import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { createSourceFile } from '../../src/core/source.js';
import { lintEmbedded, lintSetupSource } from '../../src/engine/lint-setup.js';
import { buildRuleSet } from '../../src/engine/rule-set.js';
import type { EmbeddedDocument } from '../../src/parse/setup/setup-model.js';
import { RULES } from '../../src/rules/index.js';
import type { RuleContext } from '../../src/rules/rule.js';

const config = defaultConfig();
const context: RuleContext = { version: config.opensshVersion, policy: config.policy, now: 1_700_000_000 };
const ruleSet = buildRuleSet(RULES, config);

/** Lines of `text` placed in a host file starting at `firstLine`, each indented by `indent` columns. */
function embedded(kind: EmbeddedDocument['kind'], text: string, firstLine: number, indent: number, fragment = false): EmbeddedDocument {
  const source = createSourceFile('deploy/user-data.yml', text);
  return { kind, source, fragment, origins: source.lines.map((_, i) => ({ line: firstLine + i, columnOffset: indent })) };
}

describe('lintEmbedded', () => {
  it('moves key-file findings to the host line and column', async () => {
    const findings = await lintEmbedded(embedded('authorized_keys', '# keys\nssh-dss AAAAB3NzaC1kc3MAAACBAP\n', 10, 6), ruleSet, context);
    const onKey = findings.filter((finding) => finding.alias !== 'no-usable-keys');
    expect(onKey.length).toBeGreaterThan(0);
    for (const finding of onKey) expect(finding).toMatchObject({ file: 'deploy/user-data.yml', line: 11, column: 7 });
    expect(findings.find((finding) => finding.alias === 'no-usable-keys')).toMatchObject({ line: 10, column: 7 });
  });

  it('moves config findings, related locations included, to the host file', async () => {
    const findings = await lintEmbedded(embedded('sshd_config', 'PermitRootLogin no\nPermitRootLogin yes\n', 3, 4), ruleSet, context);
    const dead = findings.find((finding) => finding.alias === 'dead-directive');
    expect(dead).toMatchObject({ line: 4, column: 5 });
    expect(dead?.related?.[0]).toMatchObject({ file: 'deploy/user-data.yml', line: 3, column: 5 });
  });

  it('keeps whole-file rules silent on a fragment', async () => {
    const text = '# only a comment\n';
    const whole = await lintEmbedded(embedded('authorized_keys', text, 1, 0), ruleSet, context);
    const fragment = await lintEmbedded(embedded('authorized_keys', text, 1, 0, true), ruleSet, context);
    expect(whole.map((finding) => finding.alias)).toContain('no-usable-keys');
    expect(fragment).toEqual([]);
  });
});

describe('text written by Ansible', () => {
  it('says nothing about a Jinja comment in the content (Ansible removes it)', async () => {
    const text = '- copy:\n    dest: /etc/ssh/sshd_config.d/10-managed.conf\n    content: "{# managed by ansible #}\\nPasswordAuthentication no\\n"\n';
    const { findings } = await lintSetupSource(createSourceFile('roles/ssh/tasks/main.yml', text), 'ansible', ruleSet, context);
    expect(findings).toEqual([]);
  });
});
