/**
 * Rule tables for setup-code rules: each case is one file of a setup kind (its path decides where
 * role files resolve), parsed and checked as the engine does.
 */
import { describe, expect, it } from 'vitest';
import type { SetupKind } from '../../src/core/file-kind.js';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import { parseSetupSource } from '../../src/parse/setup/parse-setup.js';
import { DEFAULT_POLICY, type RuleHit, type SetupRule } from '../../src/rules/rule.js';
import { TEST_NOW, type ExpectedHit } from './rule-tester.js';

export interface SetupCase {
  name?: string;
  text: string;
  kind?: SetupKind;
  path?: string;
}

export interface InvalidSetupCase extends SetupCase {
  hits: ExpectedHit[];
}

export function runSetupRule(rule: SetupRule, testCase: SetupCase): RuleHit[] {
  const kind = testCase.kind ?? rule.kinds[0]!;
  const model = parseSetupSource(createSourceFile(testCase.path ?? `test-${kind}`, testCase.text), kind);
  return rule.checkSetup(model, { version: NEWEST_KNOWN_VERSION, policy: DEFAULT_POLICY, now: TEST_NOW });
}

export function setupRuleTable(rule: SetupRule, cases: { valid: SetupCase[]; invalid: InvalidSetupCase[] }): void {
  describe(`${rule.id} ${rule.alias}`, () => {
    it.each(cases.valid.map((c, i) => [c.name ?? `valid #${i + 1}`, c] as const))('accepts: %s', (_name, c) => {
      expect(runSetupRule(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c, i) => [c.name ?? `invalid #${i + 1}`, c] as const))('reports: %s', (_name, c) => {
      const hits = runSetupRule(rule, c);
      expect(hits.map((hit) => hit.line)).toEqual(c.hits.map((hit) => hit.line));
      c.hits.forEach((expected, i) => {
        const hit = hits[i]!;
        if (expected.column !== undefined) expect(hit.column).toBe(expected.column);
        if (expected.message !== undefined) expect(hit.message).toContain(expected.message);
        if (expected.severity !== undefined) expect(hit.severity).toBe(expected.severity);
        expect(hit.help ?? '').not.toBe('');
      });
    });
    it('reports its own bad example and not its good one', () => {
      expect(runSetupRule(rule, { text: rule.docs.good })).toEqual([]);
      expect(runSetupRule(rule, { text: rule.docs.bad }).length).toBeGreaterThan(0);
    });
  });
}
