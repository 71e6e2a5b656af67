/**
 * The whole pipeline over paths: discover → read → parse → rules → findings, then the
 * configuration filter (in the rule set) and inline suppressions, applied once per file to every
 * rule's findings there. Private keys are looked for in every file, whatever its kind.
 */
import type { Finding } from '../core/finding.js';
import { compareFindings } from '../core/finding.js';
import { isSetupKind, type UserKind } from '../core/file-kind.js';
import type { LintResult } from '../core/lint-result.js';
import { createSourceFile, type SourceFile } from '../core/source.js';
import { formatVersion } from '../core/version.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ConfigFileModel } from '../parse/config/config-model.js';
import { parseConfigFile } from '../parse/config/parse-config-file.js';
import { configRoot, lintConfigTrees } from './lint-config-trees.js';
import type { Config } from '../config/config.js';
import { discoverFiles, type DiscoveredFile } from '../discover/discover.js';
import { filesWithKeyMarkers, startGitMarkerSearches } from '../discover/key-markers.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import { findPrivateKeys, type PrivateKeyBlock } from '../parse/private-key.js';
import { DEFAULT_MAX_BYTES, readTextFile } from '../discover/read-file.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { lintSetupSource } from './lint-setup.js';
import { runKeyFileRules, suppressFindings, toFinding } from './lint-source.js';
import { lintPrivateKeys, publicKeyIndex } from './lint-private-keys.js';
import { parseSource } from './parse-source.js';
import { buildRuleSet, type RuleSet } from './rule-set.js';
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
  const keyScan = usesPrivateKeyRules(ruleSet);
  // git searches for key markers while discovery lists and stats the files.
  const gitSearches = startGitMarkerSearches(keyScan ? directoryInputs(paths, options.cwd) : []);
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
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Every file is searched for private keys; only those with a key marker are read for it.
  const keyCandidates = new Set(keyScan ? await filesWithKeyMarkers(discovery.files, maxBytes, gitSearches) : []);
  // Files whose names say nothing are otherwise only read when named explicitly.
  const candidates = discovery.files.filter((file) => file.kind !== undefined || file.explicit || keyCandidates.has(file));
  let scanned = 0;
  const configModels: ConfigFileModel[] = [];
  const keyModels: KeyFileModel[] = [];
  /** Per file: its source, key-file findings and private keys, until every public key is known. */
  const pending: PendingFile[] = [];
  await forEachConcurrently(candidates, READ_CONCURRENCY, async (file) => {
    const read = await readText(file, maxBytes, note);
    if (!read) return;
    scanned++;
    const privateKeys = keyCandidates.has(file) ? findPrivateKeys(read.text) : [];
    // Read only for keys, and it holds none (a marker in code, a bundle): nothing more to do, and
    // splitting a large file into lines costs more than searching it.
    if (file.kind === undefined && !file.explicit && privateKeys.length === 0) return;
    const source = createSourceFile(file.displayPath, read.text, read.hasBom);
    const kind = file.kind ?? (file.explicit ? sniffKind(source, context.version) : undefined);
    if (kind === 'sshd_config' || kind === 'ssh_config') {
      configModels.push(parseConfigFile(source, kind, formatVersion(context.version)));
      pending.push({ source, privateKeys, config: true, findings: [] });
      return;
    }
    if (kind && isSetupKind(kind)) {
      pending.push({ source, privateKeys, config: false, findings: (await lintSetupSource(source, kind, ruleSet, context)).findings });
      return;
    }
    const model = kind && parseSource(source, kind, context.version);
    if (model) keyModels.push(model);
    pending.push({ source, privateKeys, config: false, findings: model ? runKeyFileRules(model, ruleSet, context) : [] });
    if (!kind && file.explicit && privateKeys.length === 0) {
      note(file.displayPath, 'Skipped: sshlint cannot tell what kind of SSH file this is; name it conventionally or pass --kind.');
    }
  });
  const publicKeys = publicKeyIndex(keyModels);
  const configPrivateKeyFindings = new Map<string, Finding[]>();
  for (const file of pending) {
    const fileFindings = [...file.findings, ...lintPrivateKeys(file.source.path, file.privateKeys, publicKeys, ruleSet, context)];
    // A configuration file's suppression comments are applied with its tree's findings.
    if (file.config) configPrivateKeyFindings.set(file.source.path, fileFindings);
    else findings.push(...suppressFindings(fileFindings, file.source, ruleSet));
  }
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
      otherFindings: configPrivateKeyFindings,
    })),
  );
  findings.sort(compareFindings);
  return { findings, filesScanned: scanned, rules: ruleSet.enabled.map((entry) => entry.rule) };
}

interface PendingFile {
  source: SourceFile;
  privateKeys: PrivateKeyBlock[];
  config: boolean;
  findings: Finding[];
}

/** The inputs that are directories, as discovery resolves them (it reports the others). */
function directoryInputs(paths: readonly string[], cwd: string): string[] {
  return paths.map((input) => path.resolve(cwd, input)).filter((absPath) => statSync(absPath, { throwIfNoEntry: false })?.isDirectory());
}

function usesPrivateKeyRules(ruleSet: RuleSet): boolean {
  return ruleSet.enabled.some((enabled) => enabled.rule.checkPrivateKeys !== undefined);
}

/** The file as a SourceFile, or undefined (with a note) when it cannot be read as text. */
async function readSource(
  file: Pick<DiscoveredFile, 'absPath' | 'displayPath'>,
  maxBytes: number,
  note: (file: string, message: string) => void,
): Promise<SourceFile | undefined> {
  const read = await readText(file, maxBytes, note);
  return read && createSourceFile(file.displayPath, read.text, read.hasBom);
}

async function readText(
  file: Pick<DiscoveredFile, 'absPath' | 'displayPath'>,
  maxBytes: number,
  note: (file: string, message: string) => void,
): Promise<{ text: string; hasBom: boolean } | undefined> {
  const read = await readTextFile(file.absPath, { maxBytes });
  if (read.ok) return read;
  note(file.displayPath, `Skipped: ${read.message}.`);
  return undefined;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
