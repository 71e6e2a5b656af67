/**
 * ESLint-style rule tables: each rule lists lines it must accept and lines it must report,
 * with the exact places. A rule runs alone on the parsed model, as the engine runs it.
 */
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { parseVersion } from '../../src/core/version.js';
import { NEWEST_KNOWN_VERSION } from '../../src/core/version.js';
import { parseSource } from '../../src/engine/parse-source.js';
import { DEFAULT_POLICY, type KeyFileRule, type Policy, type RuleHit } from '../../src/rules/rule.js';
import type { KeyFileKind } from '../../src/parse/key-file-model.js';
import type { Severity } from '../../src/core/finding.js';

export interface ValidCase {
  name?: string;
  text: string;
  kind?: KeyFileKind;
  /** Target OpenSSH version, e.g. "9.2". */
  version?: string;
  policy?: Partial<Policy>;
  /** The file starts with a UTF-8 BOM. */
  bom?: boolean;
}

export interface ExpectedHit {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A part of the message that must appear. */
  message?: string;
  /** The hit's own severity, for rules whose hits differ from the rule's default. */
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  hits: ExpectedHit[];
}

/** Fixed "now" for expiry checks: 2026-11-24T00:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 10, 24) / 1000;

export function runRule(rule: KeyFileRule, testCase: ValidCase): RuleHit[] {
  const kind = testCase.kind ?? rule.kinds[0]!;
  const version = testCase.version ? parseVersion(testCase.version)! : NEWEST_KNOWN_VERSION;
  const source = createSourceFile(`test-${kind}`, testCase.text, testCase.bom ?? false);
  const model = parseSource(source, kind, version);
  if (!model) throw new Error(`no parser for ${kind}`);
  return rule.check(model, { version, policy: { ...DEFAULT_POLICY, ...testCase.policy }, now: TEST_NOW });
}

/** The hits are on the expected lines, at the expected places, with messages and help. */
export function expectHits(hits: RuleHit[], expectedHits: ExpectedHit[]): void {
  expect(hits.map((hit) => hit.line)).toEqual(expectedHits.map((hit) => hit.line));
  expectedHits.forEach((expected, i) => {
    const hit = hits[i]!;
    if (expected.column !== undefined) expect(hit.column).toBe(expected.column);
    if (expected.endLine !== undefined) expect(hit.endLine).toBe(expected.endLine);
    if (expected.endColumn !== undefined) expect(hit.endColumn).toBe(expected.endColumn);
    if (expected.message !== undefined) expect(hit.message).toContain(expected.message);
    if (expected.severity !== undefined) expect(hit.severity).toBe(expected.severity);
    expect(hit.message.length).toBeGreaterThan(20);
    expect(hit.help ?? '').not.toBe('');
  });
}

export function ruleTable(rule: KeyFileRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.alias}`, () => {
    it.each(cases.valid.map((c, i) => [c.name ?? `valid #${i + 1}`, c] as const))('accepts: %s', (_name, c) => {
      expect(runRule(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c, i) => [c.name ?? `invalid #${i + 1}`, c] as const))('reports: %s', (_name, c) => {
      expectHits(runRule(rule, c), c.hits);
    });
    it('is documented', () => {
      for (const field of ['summary', 'what', 'why', 'bad', 'good'] as const) expect(rule.docs[field].length).toBeGreaterThan(10);
      expect(rule.docs.references.length).toBeGreaterThan(0);
      expect(rule.id).toMatch(/^SSH\d{3}$/);
      expect(rule.alias).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
    it('reports its own bad example and not its good one', () => {
      const kind = rule.kinds[0]!;
      expect(runRule(rule, { text: rule.docs.good, kind })).toEqual([]);
      if (!rule.docs.bad.includes('…') && !rule.docs.bad.startsWith('<EF BB BF>')) {
        expect(runRule(rule, { text: rule.docs.bad, kind }).length).toBeGreaterThan(0);
      }
    });
  });
}
