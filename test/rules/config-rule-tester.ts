/**
 * Rule tables for sshd_config / ssh_config rules: each case is a set of files (the first is the
 * main file; `Include` names the others by their keys), analysed as the engine does.
 */
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { NEWEST_KNOWN_VERSION, formatVersion, parseVersion, type OpenSSHVersion } from '../../src/core/version.js';
import { DEBIAN_BUILD, isRelease } from '../../src/openssh/releases.js';
import type { ConfigFileModel, ConfigKind } from '../../src/parse/config/config-model.js';
import { buildConfigTree, type ConfigAnalysis, type IncludeResolver } from '../../src/parse/config/config-tree.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import { validateConfigTree } from '../../src/parse/config/validate-file.js';
import { DEFAULT_POLICY, type ConfigRule, type Policy, type RuleHit } from '../../src/rules/rule.js';
import { TEST_NOW, type ExpectedHit } from './rule-tester.js';

export interface ConfigCase {
  name?: string;
  /** The main file's text, or several files: the first key is the main file. */
  text: string | Record<string, string>;
  kind?: ConfigKind;
  version?: string;
  policy?: Partial<Policy>;
}

export interface InvalidConfigCase extends ConfigCase {
  hits: (ExpectedHit & { file?: string })[];
}

/**
 * Include arguments are matched against the case's file names: exact names, or `*` globs. Like the
 * engine's resolver, an absolute path outside /etc/ssh that names none of them is outside the repository.
 */
function memoryResolver(models: Map<string, ConfigFileModel>): IncludeResolver {
  return {
    async expand(pattern) {
      const name = pattern.replace(/^\/etc\/ssh\//, '');
      const regex = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      const files = [...models.keys()].filter((file) => regex.test(file)).sort();
      if (files.length === 0 && name.startsWith('/')) return { outside: 'an absolute path the repository does not hold' };
      return { files };
    },
    async load(file) {
      return models.get(file);
    },
  };
}

/** Parses, assembles (Includes resolved against `files`) and validates a configuration as the engine does. */
export async function analyseConfig(files: Record<string, string>, kind: ConfigKind, version: OpenSSHVersion): Promise<ConfigAnalysis> {
  const release = formatVersion(version);
  if (!isRelease(release)) throw new Error(`unknown release ${release}`);
  const models = new Map(Object.entries(files).map(([file, text]) => [file, parseConfigFile(createSourceFile(file, text), kind, release)]));
  const main = models.get(Object.keys(files)[0]!)!;
  const tree = await buildConfigTree(main, memoryResolver(models));
  const verdicts = validateConfigTree(tree, { program: kind === 'sshd_config' ? 'sshd' : 'ssh', release, build: DEBIAN_BUILD });
  return { kind, tree, verdicts };
}

export async function runConfigRule(rule: ConfigRule, testCase: ConfigCase): Promise<RuleHit[]> {
  const kind = testCase.kind ?? rule.kinds[0]!;
  const files = typeof testCase.text === 'string' ? { [kind]: testCase.text } : testCase.text;
  const version = testCase.version ? parseVersion(testCase.version)! : NEWEST_KNOWN_VERSION;
  const analysis = await analyseConfig(files, kind, version);
  return rule.checkConfig(analysis, { version, policy: { ...DEFAULT_POLICY, ...testCase.policy }, now: TEST_NOW });
}

export function configRuleTable(rule: ConfigRule, cases: { valid: ConfigCase[]; invalid: InvalidConfigCase[] }): void {
  describe(`${rule.id} ${rule.alias}`, () => {
    it.each(cases.valid.map((c, i) => [c.name ?? `valid #${i + 1}`, c] as const))('accepts: %s', async (_name, c) => {
      expect(await runConfigRule(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c, i) => [c.name ?? `invalid #${i + 1}`, c] as const))('reports: %s', async (_name, c) => {
      const hits = await runConfigRule(rule, c);
      expect(hits.map((hit) => `${hit.file ?? ''}:${hit.line}`)).toEqual(
        c.hits.map((hit) => `${hit.file ?? (typeof c.text === 'string' ? (c.kind ?? rule.kinds[0]) : Object.keys(c.text)[0])}:${hit.line}`),
      );
      c.hits.forEach((expected, i) => {
        const hit = hits[i]!;
        if (expected.column !== undefined) expect(hit.column).toBe(expected.column);
        if (expected.endColumn !== undefined) expect(hit.endColumn).toBe(expected.endColumn);
        if (expected.message !== undefined) expect(hit.message).toContain(expected.message);
        if (expected.severity !== undefined) expect(hit.severity).toBe(expected.severity);
        expect(hit.help ?? '').not.toBe('');
      });
    });
    it('is documented', () => {
      for (const field of ['summary', 'what', 'why', 'bad', 'good'] as const) expect(rule.docs[field].length).toBeGreaterThan(10);
      expect(rule.docs.references.length).toBeGreaterThan(0);
    });
    it('reports its own bad example and not its good one', async () => {
      expect(await runConfigRule(rule, { text: rule.docs.good })).toEqual([]);
      if (!rule.docs.bad.includes('…')) expect((await runConfigRule(rule, { text: rule.docs.bad })).length).toBeGreaterThan(0);
    });
  });
}
