/**
 * The whole pipeline over paths: discover → read → parse → rules per file, config trees, private
 * keys (looked for in every file, whatever its kind), then the repository rules over everything
 * parsed → findings, with the configuration filter (in the rule set) and, last, each file's inline
 * suppressions over every rule's findings there.
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
import { isReadWhateverItHolds, startDiscovery, type DiscoveredFile } from '../discover/discover.js';
import { CONTENT_SNIFF_BYTES, isAccountFile, mayHoldSetupYaml, setupKindFromContent } from '../discover/kinds.js';
import { filesWithKeyMarkers, gitMarkerMatches, hasKeyMarker, startGitMarkerSearches } from '../discover/key-markers.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import { findPrivateKeys, type PrivateKeyBlock } from '../parse/private-key.js';
import { forRepository, type SetupFileModel } from '../parse/setup/setup-model.js';
import { buildRepositoryModel } from '../repository/repository-model.js';
import { DEFAULT_MAX_BYTES, readTextFile, type ReadLimits } from '../discover/read-file.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { lintSetupSource } from './lint-setup.js';
import { runKeyFileRules, suppressFindings, toFinding } from './lint-source.js';
import { SUPPRESSION_MARKER } from './suppressions.js';
import { lintPrivateKeys, publicKeyIndex } from './lint-private-keys.js';
import { runRepositoryRules } from './lint-repository.js';
import { parseSource } from './parse-source.js';
import { buildRuleSet, type RuleSet } from './rule-set.js';
import { sniffKind } from './sniff-kind.js';
import { addToGroup, pushAll } from '../core/collections.js';

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
  // git searches for key and setup-YAML markers while discovery lists the files.
  const gitSearches = startGitMarkerSearches(directoryInputs(paths, options.cwd));
  const discovery = startDiscovery(paths, {
    cwd: options.cwd,
    ignore: options.config.ignore,
    ...(options.kind ? { kind: options.kind } : {}),
    trackedWithMarkers: (root: string) => gitMarkerMatches(gitSearches, root),
  });
  const findings: Finding[] = [];
  const note = (file: string, message: string): void => {
    const reporter = ruleSet.byId(UNREADABLE_FILE);
    if (reporter) findings.push(toFinding(reporter, file, { line: 1, column: 1, message }));
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits: ReadLimits = { maxBytes, realDirectories: new Map() };
  let scanned = 0;
  const configModels: ConfigFileModel[] = [];
  const keyFiles: KeyFileModel[] = [];
  const setups: SetupFileModel[] = [];
  /** Private keys per file, judged once every public key in the scan is known. */
  const privateKeys = new Map<SourceFile, PrivateKeyBlock[]>();
  /** Findings in the files rules read, suppressed at the end; the others (unreadable files) are final. */
  const inSources: Finding[] = [];
  /** The files rules read that hold suppression comments (kept to the end, when every finding is known). */
  const sources = new Map<string, SourceFile>();
  const remember = (source: SourceFile): void => {
    if (source.text.includes(SUPPRESSION_MARKER)) sources.set(source.path, source);
  };
  const parseConfig = (source: SourceFile, kind: ConfigFileModel['kind']): ConfigFileModel => {
    remember(source);
    return parseConfigFile(source, kind, formatVersion(context.version));
  };
  /** A machine's etc/passwd and etc/group, read quietly in the same pass, for the lockout analysis. */
  const accounts: SourceFile[] = [];
  const lintFile = async (file: DiscoveredFile): Promise<void> => {
    const account = isAccountFile(file.displayPath);
    // A file read only to look for keys or setup YAML, or for the accounts, stays quiet when it cannot be read.
    const probing = file.kind === undefined && (account || !file.explicit);
    const read = readText(file, limits, probing ? () => undefined : note);
    if (!read) return;
    if (account) {
      accounts.push(createSourceFile(file.displayPath, read.text, read.hasBom));
      return;
    }
    const keys = keyScan && hasKeyMarker(read.text) ? findPrivateKeys(read.text) : [];
    const setupYaml = probing && mayHoldSetupYaml(file.displayPath) ? setupKindFromContent(read.text.slice(0, CONTENT_SNIFF_BYTES)) : undefined;
    // Nothing to analyse (a marker in code, an ordinary YAML file): splitting a large file into
    // lines would cost more than the search did.
    if (probing && keys.length === 0 && setupYaml === undefined) return;
    scanned++;
    const source = createSourceFile(file.displayPath, read.text, read.hasBom);
    if (keys.length > 0) {
      privateKeys.set(source, keys);
      remember(source);
    }
    const kind = file.kind ?? setupYaml ?? (file.explicit ? sniffKind(source, context.version) : undefined);
    if (!kind) {
      if (file.explicit && keys.length === 0) note(file.displayPath, 'Skipped: sshlint cannot tell what kind of SSH file this is; name it conventionally or pass --kind.');
    } else if (kind === 'sshd_config' || kind === 'ssh_config') configModels.push(parseConfig(source, kind));
    else if (isSetupKind(kind)) {
      const linted = await lintSetupSource(source, kind, ruleSet, context);
      remember(source);
      setups.push(forRepository(linted.model));
      pushAll(inSources, linted.findings);
    } else {
      const model = parseSource(source, kind, context.version);
      if (!model) return;
      remember(source);
      keyFiles.push(model);
      pushAll(inSources, runKeyFileRules(model, ruleSet, context));
    }
  };
  // Files of a known kind are read while git searches for key markers and walks the work tree.
  const early = await discovery.early;
  const [, complete] = await Promise.all([forEachConcurrently(early, READ_CONCURRENCY, lintFile), discovery.complete]);
  for (const skipped of complete.notes) note(skipped.displayPath, skipped.message);
  const settled = new Set(early);
  const rest = complete.files.filter((file) => !settled.has(file));
  // The files read anyway are looked into as read; every other file is read only if git (or a byte
  // search) finds a key marker in it.
  const keyCandidates = new Set(keyScan ? await filesWithKeyMarkers(rest.filter((file) => !isReadWhateverItHolds(file)), limits, gitSearches) : []);
  await forEachConcurrently(rest.filter((file) => isReadWhateverItHolds(file) || keyCandidates.has(file)), READ_CONCURRENCY, lintFile);
  // Only private keys are matched against the public keys: without one, no index (a fingerprint lookup per key line).
  if (privateKeys.size > 0) {
    const publicKeys = publicKeyIndex(keyFiles);
    for (const [source, keys] of privateKeys) pushAll(inSources, lintPrivateKeys(source.path, keys, publicKeys, ruleSet, context));
  }
  // Discovery order is not stable under concurrency; the trees must be.
  configModels.sort((a, b) => (a.source.path < b.source.path ? -1 : 1));
  const configs = await lintConfigTrees(configModels, ruleSet, context, {
    cwd: options.cwd,
    root: configRoot(paths, options.cwd),
    loadExtra: async (displayPath, kind) => {
      const source = readSource({ absPath: path.resolve(options.cwd, displayPath), displayPath }, limits, note);
      return source && parseConfig(source, kind);
    },
  });
  pushAll(inSources, configs.findings);
  const repository = buildRepositoryModel({
    analyses: configs.analyses,
    keyFiles,
    setups,
    accounts,
    privateKeys: [...privateKeys].map(([source, keys]) => ({ path: source.path, keys })),
    complete: directoryInputs(paths, options.cwd).length === paths.length,
  });
  pushAll(inSources, runRepositoryRules(repository, ruleSet, context));
  pushAll(findings, suppressEachFile(dropSuperseded(inSources, ruleSet), sources, ruleSet));
  findings.sort(compareFindings);
  return { findings, filesScanned: scanned, rules: ruleSet.enabled.map((entry) => entry.rule) };
}

/** A finding another rule's finding on the same line supersedes (it says the same with more context) is dropped. */
function dropSuperseded(findings: readonly Finding[], ruleSet: RuleSet): Finding[] {
  const superseded = new Set<string>();
  for (const finding of findings) {
    for (const id of ruleSet.byId(finding.ruleId)?.rule.supersedes ?? []) superseded.add(JSON.stringify([id, finding.file, finding.line]));
  }
  if (superseded.size === 0) return [...findings];
  return findings.filter((finding) => !superseded.has(JSON.stringify([finding.ruleId, finding.file, finding.line])));
}

/** Each file's inline suppressions over every finding in it, whichever rule reported it. */
function suppressEachFile(findings: readonly Finding[], sources: ReadonlyMap<string, SourceFile>, ruleSet: RuleSet): Finding[] {
  const byFile = new Map<string, Finding[]>([...sources.keys()].map((file) => [file, []]));
  for (const finding of findings) addToGroup(byFile, finding.file, finding);
  return [...byFile].flatMap(([file, inFile]) => {
    const source = sources.get(file);
    return source ? suppressFindings(inFile, source, ruleSet) : inFile;
  });
}

/** The inputs that are directories, as discovery resolves them (it reports the others). */
function directoryInputs(paths: readonly string[], cwd: string): string[] {
  return paths.map((input) => path.resolve(cwd, input)).filter((absPath) => statSync(absPath, { throwIfNoEntry: false })?.isDirectory());
}

function usesPrivateKeyRules(ruleSet: RuleSet): boolean {
  return ruleSet.enabled.some((enabled) => enabled.rule.checkPrivateKeys !== undefined);
}

/** The file as a SourceFile, or undefined (with a note) when it cannot be read as text. */
function readSource(
  file: Pick<DiscoveredFile, 'absPath' | 'displayPath'>,
  limits: ReadLimits,
  note: (file: string, message: string) => void,
): SourceFile | undefined {
  const read = readText(file, limits, note);
  return read && createSourceFile(file.displayPath, read.text, read.hasBom);
}

function readText(
  file: Pick<DiscoveredFile, 'absPath' | 'displayPath' | 'realPath'>,
  limits: ReadLimits,
  note: (file: string, message: string) => void,
): { text: string; hasBom: boolean } | undefined {
  const read = readTextFile(file.absPath, file.realPath === undefined ? limits : { ...limits, realPath: file.realPath });
  if (read.ok) return read;
  if (read.reason !== 'gone') note(file.displayPath, `Skipped: ${read.message}.`);
  return undefined;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
