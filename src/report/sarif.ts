import { createHash } from 'node:crypto';
import { compareFindings, severityRank, type Finding, type Span } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';
import { PROJECT_URL } from '../core/rule-meta.js';
import { TOOL_NAME, type ReportOptions } from './report-options.js';
import { sarifRule, sarifRuleFromFinding } from './sarif-rules.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;
/** See `fingerprint`. The version suffix changes whenever the hashed fields do. */
export const FINGERPRINT_KEY = 'sshlintFindingHash/v1';

/** SARIF 2.1.0 as GitHub code scanning accepts it: one run, rules from `result.rules`. */
export function formatSarif(result: LintResult, options: Pick<ReportOptions, 'toolVersion'>): string {
  const rules = result.rules.map(sarifRule);
  const ruleIndex = new Map(result.rules.map((meta, index) => [meta.id, index]));
  for (const finding of result.findings) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push(sarifRuleFromFinding(finding));
  }

  const fingerprinted = withFingerprints([...result.findings].sort(compareFindings));
  const kept = keepMostSevere(fingerprinted, SARIF_MAX_RESULTS);
  const run = {
    tool: { driver: { name: TOOL_NAME, version: options.toolVersion, informationUri: PROJECT_URL, rules } },
    ...(kept.length < fingerprinted.length ? { invocations: [truncationInvocation(kept.length, fingerprinted.length)] } : {}),
    results: kept.map(({ finding, fingerprint }) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.file, finding) }],
      ...(finding.related?.length
        ? {
            relatedLocations: finding.related.map((related, index) => ({
              id: index + 1,
              physicalLocation: physicalLocation(related.file, related),
              message: { text: related.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    })),
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

interface Fingerprinted {
  finding: Finding;
  fingerprint: string;
}

/*
 * Code scanning matches alerts across runs by partialFingerprints. Reporters never see file
 * content, so the hash is of ruleId, file and message, plus the finding's rank among identical
 * ones in the file: inserting lines above a finding does not change it; editing its message or
 * renaming the file does. Digits are left out of the hashed message, so a message that names
 * other lines ("split across lines 4–5") keeps its fingerprint when lines shift. upload-sarif
 * still adds its content-based primaryLocationLineHash beside it.
 */
function withFingerprints(sorted: Finding[]): Fingerprinted[] {
  const occurrences = new Map<string, number>();
  return sorted.map((finding) => {
    const identity = JSON.stringify([finding.ruleId, finding.file, finding.message.replace(/\d+/g, '#')]);
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${identity}#${occurrence}`).digest('hex').slice(0, 32);
    return { finding, fingerprint };
  });
}

/** At most `limit` results, errors first; the order of the kept ones is left as it was. */
function keepMostSevere(sorted: Fingerprinted[], limit: number): Fingerprinted[] {
  if (sorted.length <= limit) return sorted;
  const keptIndexes = sorted
    .map((entry, index) => ({ rank: severityRank(entry.finding.severity), index }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .slice(0, limit)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
  return keptIndexes.map((index) => sorted[index] as Fingerprinted);
}

function truncationInvocation(kept: number, total: number) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      {
        descriptor: { id: 'results-truncated' },
        level: 'warning',
        message: {
          text: `${total} findings, but GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} results per run: reported the ${kept} most severe, dropped ${total - kept}. Run sshlint with another format to see them all.`,
        },
      },
    ],
  };
}

function physicalLocation(file: string, span: Span) {
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: span.line,
      startColumn: span.column,
      ...(span.endLine === undefined ? {} : { endLine: span.endLine }),
      ...(span.endColumn === undefined ? {} : { endColumn: span.endColumn }),
    },
  };
}

/**
 * A relative URI reference: each segment percent-encoded (spaces, `#`, `%`, `?`, a `:` that would
 * read as a scheme). Lone surrogates cannot be encoded and become U+FFFD first.
 */
function relativeUri(displayPath: string): string {
  return displayPath
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
