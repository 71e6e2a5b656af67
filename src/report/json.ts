import { compareFindings, type Finding, type RelatedLocation, type Span } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';
import { TOOL_NAME, type ReportOptions } from './report-options.js';

/** Bumped on any incompatible change to the shape below. */
export const JSON_REPORT_VERSION = 1;

/**
 * Machine output. Key order is part of the format (consumers diff it): version, tool,
 * filesScanned, findings; within a finding ruleId … message, help, then alias and related.
 */
export function formatJson(result: LintResult, options: Pick<ReportOptions, 'toolVersion'>): string {
  const document = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    filesScanned: result.filesScanned,
    findings: [...result.findings].sort(compareFindings).map(jsonFinding),
  };
  // JSON.stringify already escapes control characters and lone surrogates. U+2028/U+2029 are valid
  // JSON but end a line in older JavaScript and some log viewers, so they are escaped too.
  return `${JSON.stringify(document).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)}\n`;
}

function jsonFinding(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    file: finding.file,
    ...jsonSpan(finding),
    message: finding.message,
    ...(finding.help === undefined ? {} : { help: finding.help }),
    alias: finding.alias,
    ...(finding.related?.length ? { related: finding.related.map(jsonRelated) } : {}),
  };
}

function jsonRelated(related: RelatedLocation) {
  return { file: related.file, ...jsonSpan(related), message: related.message };
}

function jsonSpan(span: Span) {
  return {
    line: span.line,
    column: span.column,
    ...(span.endLine === undefined ? {} : { endLine: span.endLine }),
    ...(span.endColumn === undefined ? {} : { endColumn: span.endColumn }),
  };
}
