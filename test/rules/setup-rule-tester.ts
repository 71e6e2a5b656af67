/**
 * Rule tables for setup-code rules: each case is a file of one setup kind (a script by default),
 * parsed and checked by the rule alone, as the engine runs it.
 */
import { describe, expect, it } from 'vitest';
import type { SetupKind } from '../../src/core/file-kind.js';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import { parseSetupSource } from '../../src/parse/setup/parse-setup.js';
import { DEFAULT_POLICY, type RuleHit, type SetupRule } from '../../src/rules/rule.js';
import { TEST_NOW, expectDocumented, expectHits, type ExpectedHit } from './rule-tester.js';

export interface SetupCase {
  name?: string;
  text: string;
  /** Defaults to a shell script when the rule reads them, else the rule's first kind. */
  kind?: SetupKind;
  /** Where the file is (role files resolve from it); defaults to a conventional name for the kind. */
  path?: string;
}

export interface InvalidSetupCase extends SetupCase {
  hits: ExpectedHit[];
}

const FILE_NAMES: Record<SetupKind, string> = {
  workflow: '.github/workflows/deploy.yml',
  shell_script: 'deploy.sh',
  dockerfile: 'Dockerfile',
  makefile: 'Makefile',
  ansible: 'playbook.yml',
  cloud_init: 'user-data.yml',
  terraform: 'main.tf',
};

export function runSetupRule(rule: SetupRule, testCase: SetupCase): RuleHit[] {
  const kind = testCase.kind ?? defaultKind(rule);
  const model = parseSetupSource(createSourceFile(testCase.path ?? FILE_NAMES[kind], testCase.text), kind);
  return rule.checkSetup(model, { version: NEWEST_KNOWN_VERSION, policy: DEFAULT_POLICY, now: TEST_NOW });
}

function defaultKind(rule: SetupRule): SetupKind {
  return rule.kinds.includes('shell_script') ? 'shell_script' : rule.kinds[0]!;
}

export function setupRuleTable(rule: SetupRule, cases: { valid: SetupCase[]; invalid: InvalidSetupCase[] }): void {
  describe(`${rule.id} ${rule.alias}`, () => {
    it.each(cases.valid.map((c, i) => [c.name ?? `valid #${i + 1}`, c] as const))('accepts: %s', (_name, c) => {
      expect(runSetupRule(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c, i) => [c.name ?? `invalid #${i + 1}`, c] as const))('reports: %s', (_name, c) => {
      expectHits(runSetupRule(rule, c), c.hits);
    });
    it('is documented, reports its own bad example and not its good one', () => {
      expectDocumented(rule);
      expect(runSetupRule(rule, { text: rule.docs.good })).toEqual([]);
      expect(runSetupRule(rule, { text: rule.docs.bad }).length).toBeGreaterThan(0);
    });
  });
}
