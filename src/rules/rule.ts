/**
 * A rule is metadata plus documentation plus one pure function from a parsed model to hits.
 * The engine turns hits into findings (rule id, severity, file), so rules never repeat that.
 */
import type { RelatedLocation, Severity, Span } from '../core/finding.js';
import type { RuleMeta } from '../core/rule-meta.js';
import type { SourceLine } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import type { KeyEntry, KeyFileModel, Rejection } from '../parse/key-file-model.js';
import type { ConfigKind, Directive } from '../parse/config/config-model.js';
import type { ConfigAnalysis } from '../parse/config/config-tree.js';
import type { Range } from '../parse/read-key.js';
import type { SetupKind } from '../core/file-kind.js';
import type { KeyFamily } from '../ssh/key-types.js';
import type { SetupFileModel } from '../parse/setup/setup-model.js';
import type { PrivateKeyBlock } from '../parse/private-key.js';
import type { FileKind } from '../core/file-kind.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import { addToGroup } from '../core/collections.js';

/** Knobs a team sets in `.sshlint.yml` under `policy:`. */
export interface Policy {
  /** RSA keys below this many bits are reported as weak (OpenSSH's own floor is 1024). */
  minRsaBits: number;
}

export const DEFAULT_POLICY: Policy = { minRsaBits: 2048 };

export interface RuleContext {
  /** The OpenSSH release the files are checked against. */
  version: OpenSSHVersion;
  policy: Policy;
  /** Seconds since the epoch, fixed for the run (expiry checks). */
  now: number;
}

export interface RuleHit extends Span {
  /** The file the hit is in, when the rule sees several (a configuration with its Includes). */
  file?: string;
  /** Overrides the rule's default severity for this hit (e.g. `MaxAuthTries 0` locks everyone out); a severity set in the configuration still wins. */
  severity?: Severity;
  message: string;
  help?: string;
  related?: RelatedLocation[];
}

export interface RuleBase extends RuleMeta {
  /** Opinionated rules that sources disagree on start disabled; `.sshlint.yml` turns them on. */
  enabledByDefault?: boolean;
  /** The rule reasons about what a whole file lacks, so it stays silent on a fragment (a line Ansible adds). */
  wholeFile?: boolean;
  /** Rules whose finding on the same line this rule's replaces: it says the same with more context. */
  supersedes?: readonly string[];
}

export interface KeyFileRule extends RuleBase {
  kinds: readonly KeyFileModel['kind'][];
  checkConfig?: undefined;
  checkSetup?: undefined;
  checkPrivateKeys?: undefined;
  checkRepository?: undefined;
  check(model: KeyFileModel, context: RuleContext): RuleHit[];
}

export type { ConfigAnalysis };

export interface ConfigRule extends RuleBase {
  kinds: readonly ConfigKind[];
  check?: undefined;
  checkSetup?: undefined;
  checkPrivateKeys?: undefined;
  checkRepository?: undefined;
  checkConfig(analysis: ConfigAnalysis, context: RuleContext): RuleHit[];
}

/** A rule over code that sets SSH up (the SSH files that code writes go through the other rules). */
export interface SetupRule extends RuleBase {
  kinds: readonly SetupKind[];
  check?: undefined;
  checkConfig?: undefined;
  checkPrivateKeys?: undefined;
  checkRepository?: undefined;
  checkSetup(model: SetupFileModel, context: RuleContext): RuleHit[];
}

export function defineSetupRule(rule: SetupRule): SetupRule {
  return rule;
}

export function defineConfigRule(rule: ConfigRule): ConfigRule {
  return rule;
}

/** Where a scanned authorized_keys, *.pub or known_hosts file holds a public key. */
export interface PublicKeyLocation {
  file: string;
  line: number;
  column: number;
}

/** The private keys found in one file, whatever its kind. */
export interface PrivateKeyScan {
  keys: readonly PrivateKeyBlock[];
  /** The scanned files' public keys, by SHA256 fingerprint. */
  publicKeys: ReadonlyMap<string, readonly PublicKeyLocation[]>;
}

export interface PrivateKeyRule extends RuleBase {
  kinds: readonly ['any'];
  check?: undefined;
  checkConfig?: undefined;
  checkSetup?: undefined;
  checkRepository?: undefined;
  checkPrivateKeys(scan: PrivateKeyScan, context: RuleContext): RuleHit[];
}

export function definePrivateKeyRule(rule: PrivateKeyRule): PrivateKeyRule {
  return rule;
}

/** A hit of a repository rule names its file: the rule sees every file at once. */
export interface RepositoryHit extends RuleHit {
  file: string;
}

/**
 * A rule over the repository as a whole: what the files say together (which sshd_config
 * governs which authorized_keys, what modes the provisioning code sets). `kinds`: the kinds of
 * file its findings can land in.
 */
export interface RepositoryRule extends RuleBase {
  kinds: readonly FileKind[];
  check?: undefined;
  checkConfig?: undefined;
  checkSetup?: undefined;
  checkPrivateKeys?: undefined;
  checkRepository(model: RepositoryModel, context: RuleContext): RepositoryHit[];
}

export function defineRepositoryRule(rule: RepositoryRule): RepositoryRule {
  return rule;
}

/** A rule the engine itself applies (unreadable files, unused suppressions): metadata only. */
export interface EngineRule extends RuleBase {
  check?: undefined;
  checkConfig?: undefined;
  checkSetup?: undefined;
  checkPrivateKeys?: undefined;
  checkRepository?: undefined;
}

export type Rule = KeyFileRule | ConfigRule | SetupRule | PrivateKeyRule | RepositoryRule | EngineRule;

export function defineKeyFileRule(rule: KeyFileRule): KeyFileRule {
  return rule;
}

export function defineEngineRule(rule: EngineRule): EngineRule {
  return rule;
}

/** A hit covering `range` of one line (columns are 1-based, the end exclusive). */
export function hitAt(line: SourceLine, range: Range, message: string, help?: string): RuleHit {
  const column = Math.min(range.start, line.text.length) + 1;
  const endColumn = Math.max(column, Math.min(range.end, line.text.length) + 1);
  const hit: RuleHit = { line: line.number, column, endColumn, message };
  if (help !== undefined) hit.help = help;
  return hit;
}

/** A hit on a configuration directive (the whole directive unless a range is given). */
export function directiveHit(directive: Directive, message: string, help: string, range?: Range, related?: RelatedLocation[]): RuleHit {
  const hit = hitAt(directive.line, range ?? { start: directive.keywordRange.start, end: directive.line.text.length }, message, help);
  hit.file = directive.file;
  if (related && related.length > 0) hit.related = related;
  return hit;
}

/** Points at another directive, e.g. the line that wins over a dead one. */
export function relatedDirective(directive: Directive, message: string): RelatedLocation {
  return { file: directive.file, line: directive.line.number, column: directive.keywordRange.start + 1, message };
}

/** A hit covering whole lines `first`..`last`. */
export function hitLines(lines: readonly SourceLine[], first: number, last: number, message: string, help?: string): RuleHit {
  const end = lines[last - 1];
  const hit: RuleHit = { line: first, column: 1, endLine: last, endColumn: (end?.text.length ?? 0) + 1, message };
  if (help !== undefined) hit.help = help;
  return hit;
}

type RejectionCode = Rejection['code'];
export type RejectedLine<C extends RejectionCode> = { line: SourceLine; rejection: Extract<Rejection, { code: C }> };
type ParsedEntry = { line: SourceLine; entry: KeyEntry };

/*
 * Every key-file rule walks the model's lines; on a 100,000-key file a fresh walk per rule cost
 * more than parsing. One walk per model, shared by all rules (the model is never changed); most
 * rules care about a few option names or key families, so the walk files the lines under those
 * too, and a rule reads only the lines it can report.
 */
interface LineIndex {
  parsed: ParsedEntry[];
  rejected: Map<RejectionCode, { line: SourceLine; rejection: Rejection }[]>;
  /** Parsed lines by the (lower-case) names of their options, each line once per name. */
  byOption: Map<string, ParsedEntry[]>;
  byFamily: Map<KeyFamily, ParsedEntry[]>;
  /** Parsed lines by the key type name they start with. */
  byLabel: Map<string, ParsedEntry[]>;
  certificates: ParsedEntry[];
}

const lineIndexes = new WeakMap<KeyFileModel, LineIndex>();

function lineIndex(model: KeyFileModel): LineIndex {
  let index = lineIndexes.get(model);
  if (index) return index;
  index = { parsed: [], rejected: new Map(), byOption: new Map(), byFamily: new Map(), byLabel: new Map(), certificates: [] };
  for (const line of model.lines) {
    // The model's own line objects: they already have the shape rules read.
    if (line.status === 'parsed') {
      index.parsed.push(line);
      addToGroup(index.byFamily, line.entry.key.key.family, line);
      addToGroup(index.byLabel, line.entry.key.typeName, line);
      if (line.entry.key.key.certificate) index.certificates.push(line);
      const { options } = line.entry;
      options.forEach(({ name }, i) => {
        if (options.findIndex((option) => option.name === name) === i) addToGroup(index.byOption, name, line);
      });
    } else if (line.status === 'rejected') addToGroup(index.rejected, line.rejection.code, line);
  }
  lineIndexes.set(model, index);
  return index;
}

/** The lines OpenSSH skipped for reason `code`. */
export function rejectedLines<C extends RejectionCode>(model: KeyFileModel, code: C): readonly RejectedLine<C>[] {
  // Grouped by code, so every rejection in the group is the one `C` names.
  return (lineIndex(model).rejected.get(code) ?? []) as unknown as readonly RejectedLine<C>[];
}

/** The lines OpenSSH read a key from. */
export function parsedEntries(model: KeyFileModel): readonly ParsedEntry[] {
  return lineIndex(model).parsed;
}

/** Lines in file order, each once, from lists that are each in file order. */
function inFileOrder(lists: readonly (readonly ParsedEntry[] | undefined)[]): readonly ParsedEntry[] {
  const present = lists.filter((list): list is readonly ParsedEntry[] => list !== undefined && list.length > 0);
  if (present.length <= 1) return present[0] ?? [];
  return [...new Set(present.flat())].sort((a, b) => a.line.number - b.line.number);
}

/** The lines OpenSSH read a key from that carry any of these options (lower-case names, without `no-`). */
export function entriesWithOption(model: KeyFileModel, ...names: string[]): readonly ParsedEntry[] {
  const { byOption } = lineIndex(model);
  return inFileOrder(names.map((name) => byOption.get(name)));
}

/** The lines OpenSSH read a key (or certificate) of one of these families from. */
export function entriesOfFamily(model: KeyFileModel, ...families: KeyFamily[]): readonly ParsedEntry[] {
  const { byFamily } = lineIndex(model);
  return inFileOrder(families.map((family) => byFamily.get(family)));
}

/** The lines OpenSSH read a key from that start with one of these type names. */
export function entriesLabelled(model: KeyFileModel, ...typeNames: string[]): readonly ParsedEntry[] {
  const { byLabel } = lineIndex(model);
  return inFileOrder(typeNames.map((typeName) => byLabel.get(typeName)));
}

/** The lines OpenSSH read a certificate from. */
export function certificateEntries(model: KeyFileModel): readonly ParsedEntry[] {
  return lineIndex(model).certificates;
}

/** Shortens file content quoted in a message, so a 50 MB line never lands in a report. */
export function quote(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${shown}'`;
}
