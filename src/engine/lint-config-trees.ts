/**
 * sshd_config and ssh_config are analysed as OpenSSH reads them: each main file together with
 * the files its `Include` lines pull in, so a drop-in is judged in the place it takes. A
 * drop-in that no main file in the repository includes is analysed on its own. Suppressions are
 * the pipeline's last step (lint-files.ts), once per file.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/finding.js';
import { formatVersion } from '../core/version.js';
import { DEBIAN_BUILD, isRelease } from '../openssh/releases.js';
import type { ConfigFileModel, ConfigKind } from '../parse/config/config-model.js';
import { buildConfigTree, type ConfigTree, type IncludeResolver } from '../parse/config/config-tree.js';
import { validateConfigTree } from '../parse/config/validate-file.js';
import { findPastedBlocks } from '../parse/pasted-blocks.js';
import type { ConfigAnalysis, RuleContext } from '../rules/rule.js';
import { repositoryIncludeResolver } from './include-resolver.js';
import type { RuleSet } from './rule-set.js';
import { ruleFindings } from './lint-source.js';

export interface ConfigTreeOptions {
  cwd: string;
  root: string;
  /** Parses a file an Include names that discovery did not (undefined: unreadable or not in the root). */
  loadExtra(displayPath: string, kind: ConfigKind): Promise<ConfigFileModel | undefined>;
}

/** A main file, as opposed to a drop-in under a `*.d/` folder. */
export function isMainConfig(model: ConfigFileModel): boolean {
  return !/(^|\/)[^/]+\.d\//.test(model.source.path);
}

export interface ConfigTreesResult {
  /** Every tree as OpenSSH reads it, for the repository rules. */
  analyses: ConfigAnalysis[];
  /** The config rules' findings, each once, before suppressions. */
  findings: Finding[];
}

export async function lintConfigTrees(models: readonly ConfigFileModel[], ruleSet: RuleSet, context: RuleContext, options: ConfigTreeOptions): Promise<ConfigTreesResult> {
  const byPath = new Map(models.map((model) => [model.source.path, model]));
  const resolverFor = (kind: ConfigKind): IncludeResolver =>
    repositoryIncludeResolver({
      cwd: options.cwd,
      root: options.root,
      load: async (displayPath) => {
        const known = byPath.get(displayPath) ?? (await options.loadExtra(displayPath, kind));
        if (known) byPath.set(displayPath, known);
        return known;
      },
    });
  const trees: ConfigTree[] = [];
  const included = new Set<ConfigFileModel>();
  for (const model of models.filter(isMainConfig)) {
    const tree = await buildConfigTree(model, resolverFor(model.kind));
    trees.push(tree);
    for (const file of tree.files.slice(1)) included.add(file);
  }
  for (const model of models) {
    if (!isMainConfig(model) && !included.has(model)) trees.push(await buildConfigTree(model, resolverFor(model.kind)));
  }
  const analyses = trees.map((tree) => analyseConfigTree(tree, context));
  return { analyses, findings: dedupe(analyses.flatMap((analysis) => runConfigRules(analysis, ruleSet, context))) };
}

/** Every directive of a tree judged as OpenSSH of the target release would. */
export function analyseConfigTree(tree: ConfigTree, context: RuleContext): ConfigAnalysis {
  const release = formatVersion(context.version);
  if (!isRelease(release)) throw new Error(`no keyword tables for OpenSSH ${release}`);
  return {
    kind: tree.main.kind,
    tree,
    verdicts: validateConfigTree(tree, { program: tree.main.kind === 'sshd_config' ? 'sshd' : 'ssh', release, build: DEBIAN_BUILD }),
  };
}

/** The config rules' findings on a tree, before suppressions. `fragment`: the text is only part of the file. */
export function runConfigRules(analysis: ConfigAnalysis, ruleSet: RuleSet, context: RuleContext, fragment = false): Finding[] {
  const tree = analysis.tree;
  const findings = ruleFindings(ruleSet, tree.main.source.path, (rule) =>
    rule.checkConfig && rule.kinds.includes(analysis.kind) && !(fragment && rule.wholeFile) ? rule.checkConfig(analysis, context) : undefined,
  );
  const isSecret = privateKeyBodyTest(tree);
  return findings.filter((finding) => !isSecret(finding));
}

/**
 * A private key pasted into a config file reads as one bogus keyword per line, and findings
 * about a keyword quote it: they would print the key. Only the BEGIN line's finding is kept (it
 * quotes the armour, and OpenSSH stops there anyway).
 */
function privateKeyBodyTest(tree: ConfigTree): (finding: Finding) => boolean {
  const bodies = new Map(
    tree.files.map((file) => [file.source.path, findPastedBlocks(file.source.lines).filter((block) => block.kind === 'private-key' || block.kind === 'putty-private-key')]),
  );
  return (finding) => (bodies.get(finding.file) ?? []).some((block) => finding.line > block.firstLine && finding.line <= block.lastLine);
}

/** A file two main files include is judged in both; report each finding once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.ruleId, finding.file, finding.line, finding.column, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where Include paths may lead: the working directory when every input is in it, else the first input's folder. */
export function configRoot(inputs: readonly string[], cwd: string): string {
  const absolute = inputs.map((input) => path.resolve(cwd, input));
  if (absolute.every((p) => p === cwd || p.startsWith(cwd + path.sep))) return cwd;
  const first = absolute[0]!;
  return existsSync(first) && statSync(first).isDirectory() ? first : path.dirname(first);
}
