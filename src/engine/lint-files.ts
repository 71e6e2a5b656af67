/**
 * The whole pipeline over paths: discover → read → parse → rules → findings, then the
 * configuration filter (in the rule set) and inline suppressions (in lintSource).
 */
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { isSetupKind, type UserKind } from '../core/file-kind.js';
import type { LintResult } from '../core/lint-result.js';
import { createSourceFile, type SourceFile } from '../core/source.js';
import { formatVersion } from '../core/version.js';
import path from 'node:path';
import type { ConfigFileModel } from '../parse/config/config-model.js';
import { parseConfigFile } from '../parse/config/parse-config-file.js';
import { configRoot, lintConfigTrees } from './lint-config-trees.js';
import type { Config } from '../config/config.js';
import { discoverFiles, type DiscoveredFile } from '../discover/discover.js';
import { mayHoldSetupYaml } from '../discover/kinds.js';
import { DEFAULT_MAX_BYTES, readTextFile } from '../discover/read-file.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { lintSetupSource } from './lint-setup.js';
import { lintSource, toFinding } from './lint-source.js';
import { buildRuleSet } from './rule-set.js';
import { sniffKind } from './sniff-kind.js';

export const UNREADABLE_FILE = 'SSH001';
const READ_CONCURRENCY = 16;

export interface LintOptions {
  cwd: string;
  config: Config;
  /** Forces the kind of the files named on the command line. */
  kind?: UserKind;
  /** Seconds since the epoch; fixed so expiry checks are reproducible. */
  now?: number;
  maxBytes?: number;
}

export async function lintPaths(paths: string[], options: LintOptions): Promise<LintResult> {
  const ruleSet = buildRuleSet(RULES, options.config);
  const context: RuleContext = {
    version: options.config.opensshVersion,
    policy: options.config.policy,
    now: options.now ?? Math.floor(Date.now() / 1000),
  };
  const discovery = await discoverFiles(paths, {
    cwd: options.cwd,
    ignore: options.config.ignore,
    ...(options.kind ? { kind: options.kind } : {}),
  });
  const findings: Finding[] = [];
  const note = (file: string, message: string): void => {
    const reporter = ruleSet.byId(UNREADABLE_FILE);
    if (reporter) findings.push(toFinding(reporter, file, { line: 1, column: 1, message }));
  };
  for (const skipped of discovery.notes) note(skipped.displayPath, skipped.message);
  // Files whose names say nothing are only read when named explicitly (content scanning of
  // every file is the private-key scanner's job).
  const candidates = discovery.files.filter((file) => file.kind !== undefined || file.explicit || mayHoldSetupYaml(file.displayPath));
  let scanned = 0;
  const configModels: ConfigFileModel[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  await forEachConcurrently(candidates, READ_CONCURRENCY, async (file) => {
    // A YAML file read only to see whether it is setup code stays quiet when it cannot be read or is not.
    const probing = file.kind === undefined && !file.explicit;
    const source = await readSource(file, maxBytes, probing ? () => undefined : note);
    if (!source) return;
    const kind = file.kind ?? sniffKind(source, context.version);
    if (!kind && probing) return;
    scanned++;
    if (!kind) note(file.displayPath, 'Skipped: sshlint cannot tell what kind of SSH file this is; name it conventionally or pass --kind.');
    else if (kind === 'sshd_config' || kind === 'ssh_config') configModels.push(parseConfigFile(source, kind, formatVersion(context.version)));
    else if (isSetupKind(kind)) findings.push(...(await lintSetupSource(source, kind, ruleSet, context)).findings);
    else findings.push(...lintSource(source, kind, ruleSet, context));
  });
  // Discovery order is not stable under concurrency; the trees must be.
  configModels.sort((a, b) => (a.source.path < b.source.path ? -1 : 1));
  findings.push(
    ...(await lintConfigTrees(configModels, ruleSet, context, {
      cwd: options.cwd,
      root: configRoot(paths, options.cwd),
      loadExtra: async (displayPath, kind) => {
        const source = await readSource({ absPath: path.resolve(options.cwd, displayPath), displayPath }, maxBytes, note);
        return source && parseConfigFile(source, kind, formatVersion(context.version));
      },
    })),
  );
  findings.sort(compareFindings);
  return { findings, filesScanned: scanned, rules: ruleSet.enabled.map((entry) => entry.rule) };
}

/** The file as a SourceFile, or undefined (with a note) when it cannot be read as text. */
async function readSource(
  file: Pick<DiscoveredFile, 'absPath' | 'displayPath'>,
  maxBytes: number,
  note: (file: string, message: string) => void,
): Promise<SourceFile | undefined> {
  const read = await readTextFile(file.absPath, { maxBytes });
  if (!read.ok) {
    note(file.displayPath, `Skipped: ${read.message}.`);
    return undefined;
  }
  return createSourceFile(file.displayPath, read.text, read.hasBom);
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
