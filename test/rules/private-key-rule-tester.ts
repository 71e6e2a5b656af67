/**
 * Tables for the rules that read private keys in any file: each case is one file's text, with
 * optionally an authorized_keys file beside it for the public-key match.
 */
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import { publicKeyIndex } from '../../src/engine/lint-private-keys.js';
import { parseAuthorizedKeys } from '../../src/parse/authorized-keys.js';
import { findPrivateKeys } from '../../src/parse/private-key.js';
import { DEFAULT_POLICY, type PrivateKeyRule, type RuleHit } from '../../src/rules/rule.js';
import { expectDocumented, expectHits, TEST_NOW, type ExpectedHit } from './rule-tester.js';

export const AUTHORIZED_KEYS_PATH = 'deploy/authorized_keys';

export interface PrivateKeyCase {
  name: string;
  text: string;
  /** The text of an authorized_keys file in the same scan. */
  authorizedKeys?: string;
}

export interface PrivateKeyInvalidCase extends PrivateKeyCase {
  hits: (ExpectedHit & { related?: { file: string; line: number }[] })[];
}

export function runPrivateKeyRule(rule: PrivateKeyRule, testCase: Omit<PrivateKeyCase, 'name'>): RuleHit[] {
  const models = testCase.authorizedKeys === undefined ? [] : [parseAuthorizedKeys(createSourceFile(AUTHORIZED_KEYS_PATH, testCase.authorizedKeys), NEWEST_KNOWN_VERSION, 'authorized_keys')];
  return rule.checkPrivateKeys(
    { keys: findPrivateKeys(testCase.text), publicKeys: publicKeyIndex(models) },
    { version: NEWEST_KNOWN_VERSION, policy: DEFAULT_POLICY, now: TEST_NOW },
  );
}

export function privateKeyRuleTable(rule: PrivateKeyRule, cases: { valid: PrivateKeyCase[]; invalid: PrivateKeyInvalidCase[] }): void {
  describe(`${rule.id} ${rule.alias}`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('accepts: %s', (_name, c) => {
      expect(runPrivateKeyRule(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('reports: %s', (_name, c) => {
      const hits = runPrivateKeyRule(rule, c);
      expectHits(hits, c.hits);
      c.hits.forEach((expected, i) => {
        const related = hits[i]!.related?.map(({ file, line }) => ({ file, line })) ?? [];
        expect(related).toEqual(expected.related ?? []);
      });
    });
    it('is documented, and its good example has no key', () => {
      expectDocumented(rule);
      expect(runPrivateKeyRule(rule, { text: rule.docs.good })).toEqual([]);
    });
  });
}
