/**
 * Code that sets SSH up through the pipeline: the setup rules over its model, every SSH file it
 * writes (heredoc, YAML block, Ansible line) through the rules of that kind of file, and setup code
 * it holds (cloud-init user data in Terraform) through the rules of its kind, with the findings
 * moved back to where the text sits in the host file. The caller applies the file's
 * suppression comments, once, with the file's other findings.
 */
import type { Finding, RelatedLocation, Span } from '../core/finding.js';
import type { SetupKind } from '../core/file-kind.js';
import type { SourceFile } from '../core/source.js';
import { formatVersion } from '../core/version.js';
import { buildConfigTree, type IncludeResolver } from '../parse/config/config-tree.js';
import { parseConfigFile } from '../parse/config/parse-config-file.js';
import { parseSetupSource } from '../parse/setup/parse-setup.js';
import type { EmbeddedDocument, SetupFileModel } from '../parse/setup/setup-model.js';
import type { RuleContext } from '../rules/rule.js';
import { analyseConfigTree, runConfigRules } from './lint-config-trees.js';
import { parseSource } from './parse-source.js';
import { ruleFindings, runKeyFileRules } from './lint-source.js';
import type { RuleSet } from './rule-set.js';
import { pushAll } from '../core/collections.js';

/** An Include inside embedded text names a file on the target machine, which the repository does not show. */
const NO_INCLUDES: IncludeResolver = {
  expand: async (pattern) => ({ outside: `${pattern} is on the machine the code configures` }),
  load: async () => undefined,
};

export async function lintSetupSource(
  source: SourceFile,
  kind: SetupKind,
  ruleSet: RuleSet,
  context: RuleContext,
): Promise<{ model: SetupFileModel; findings: Finding[] }> {
  const model = parseSetupSource(source, kind);
  // Suppressions come last, in the pipeline, once the repository rules have reported too.
  return { model, findings: once(await lintSetupModel(model, ruleSet, context)) };
}

/** One finding per place and message: several commands can use the same written text (`ssh $SSH_OPTS …` three times). */
function once(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function lintSetupModel(model: SetupFileModel, ruleSet: RuleSet, context: RuleContext): Promise<Finding[]> {
  const findings = ruleFindings(ruleSet, model.source.path, (rule) => (rule.checkSetup && rule.kinds.includes(model.kind) ? rule.checkSetup(model, context) : undefined));
  for (const document of model.embedded) pushAll(findings, (await lintEmbedded(document, ruleSet, context)));
  for (const nested of model.nested) {
    const inner = await lintSetupModel(nested.model, ruleSet, context);
    pushAll(findings, inner.map((finding) => mapToHost(finding, { source: nested.model.source, origins: nested.origins })));
  }
  return findings;
}

/** The findings on an embedded document, at their places in the host file. */
export async function lintEmbedded(document: EmbeddedDocument, ruleSet: RuleSet, context: RuleContext): Promise<Finding[]> {
  const { kind, source } = document;
  let findings: Finding[];
  if (kind === 'sshd_config' || kind === 'ssh_config') {
    const tree = await buildConfigTree(parseConfigFile(source, kind, formatVersion(context.version)), NO_INCLUDES);
    findings = runConfigRules(analyseConfigTree(tree, context), ruleSet, context, document.fragment);
  } else {
    const model = parseSource(source, kind, context.version);
    findings = model ? runKeyFileRules(model, ruleSet, context, document.fragment) : [];
  }
  return findings.map((finding) => mapToHost(finding, document));
}

/** Text with the host position of each of its lines: an embedded SSH file, or setup code inside setup code. */
type Placed = Pick<EmbeddedDocument, 'source' | 'origins'>;

function mapToHost<T extends Span & { file: string; message: string; related?: RelatedLocation[] }>(item: T, document: Placed): T {
  if (item.file !== document.source.path) return item;
  const mapped: T = { ...item, ...mapSpan(item, document) };
  // Messages name other lines as `file:line` (the block a setting is in); those are embedded lines too.
  const lineReference = new RegExp(`${document.source.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`, 'g');
  mapped.message = item.message.replace(lineReference, (_, line: string) => `${document.source.path}:${mapSpan({ line: Number(line), column: 1 }, document).line}`);
  if (item.related) mapped.related = item.related.map((related) => mapToHost(related, document));
  return mapped;
}

function mapSpan(span: Span, document: Placed): Span {
  const at = (line: number, column: number) => {
    const origin = document.origins[line - 1] ?? document.origins.at(-1) ?? { line, columnOffset: 0 };
    return origin.rest && column >= origin.rest.from ? origin.rest : origin;
  };
  const start = at(span.line, span.column);
  const mapped: Span = { line: start.line, column: span.column + start.columnOffset };
  const endLine = span.endLine ?? span.line;
  const end = at(endLine, span.endColumn ?? span.column);
  if (span.endLine !== undefined) mapped.endLine = end.line;
  if (span.endColumn !== undefined) mapped.endColumn = span.endColumn + end.columnOffset;
  return mapped;
}
