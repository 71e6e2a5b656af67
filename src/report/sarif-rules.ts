import type { Category, Finding, Severity } from '../core/finding.js';
import { ruleDocsUrl, type RuleDocs, type RuleMeta } from '../core/rule-meta.js';

/**
 * GitHub code scanning ranks alerts of rules tagged `security` by `security-severity`
 * (0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0+ critical). Only the categories that can let
 * someone in who should not be get it, scaled by the rule's default severity:
 *   secret-exposure (a committed private key):   error 9.0, warning 7.5, note 5.0
 *   unsafe-setting  (PermitRootLogin yes, …):    error 8.0, warning 5.5, note 3.0
 *   weak-crypto     (DSA, ssh-rsa/SHA-1, …):     error 7.0, warning 5.0, note 3.0
 * malformed, lockout, deprecated and hygiene findings break or clutter a setup but expose
 * nothing, so they stay quality alerts (error/warning/note).
 */
const SECURITY_SEVERITY: Partial<Record<Category, Record<Severity, number>>> = {
  'secret-exposure': { error: 9.0, warning: 7.5, note: 5.0 },
  'unsafe-setting': { error: 8.0, warning: 5.5, note: 3.0 },
  'weak-crypto': { error: 7.0, warning: 5.0, note: 3.0 },
};

/** SARIF's reportingDescriptor, as much of it as sshlint fills in. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: Severity };
  properties: { tags: string[]; 'security-severity'?: string };
}

export function sarifRule(meta: RuleMeta): SarifRule {
  const helpUri = ruleDocsUrl(meta);
  const securitySeverity = SECURITY_SEVERITY[meta.category]?.[meta.severity];
  return {
    id: meta.id,
    name: meta.alias,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.what },
    help: { text: helpText(meta.docs), markdown: helpMarkdown(meta.docs, helpUri) },
    helpUri,
    defaultConfiguration: { level: meta.severity },
    properties: {
      tags: securitySeverity === undefined ? [meta.category] : [meta.category, 'security'],
      ...(securitySeverity === undefined ? {} : { 'security-severity': securitySeverity.toFixed(1) }),
    },
  };
}

/** For a finding whose rule was not passed in `LintResult.rules`: every result needs a rule to point at. */
export function sarifRuleFromFinding(finding: Finding): SarifRule {
  return {
    id: finding.ruleId,
    name: finding.alias,
    shortDescription: { text: finding.alias },
    defaultConfiguration: { level: finding.severity },
    properties: { tags: [finding.category] },
  };
}

function helpText(docs: RuleDocs): string {
  const indent = (example: string) => withoutFinalNewline(example).replace(/^/gm, '    ');
  return [docs.what, `Why it matters: ${docs.why}`, `Bad:\n${indent(docs.bad)}`, `Good:\n${indent(docs.good)}`].join('\n\n');
}

function helpMarkdown(docs: RuleDocs, helpUri: string): string {
  const sections = [
    docs.what,
    `**Why it matters:** ${docs.why}`,
    `Bad:\n\n${fenced(docs.bad)}`,
    `Good:\n\n${fenced(docs.good)}`,
  ];
  if (docs.references.length > 0) sections.push(`References:\n\n${docs.references.map((reference) => `- ${reference}`).join('\n')}`);
  sections.push(`[Rule documentation](${helpUri})`);
  return sections.join('\n\n');
}

/** A fence longer than any backtick run in the example, so an example can never close it early. */
function fenced(example: string): string {
  const longestRun = Math.max(0, ...(example.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${withoutFinalNewline(example)}\n${fence}`;
}

function withoutFinalNewline(text: string): string {
  return text.replace(/\n$/, '');
}
