/**
 * YAML files (workflows, Ansible, cloud-init) read with positions: the `yaml` library parses, and
 * these helpers turn a scalar into the text a tool receives plus where each of its lines sits in
 * the file, so an embedded shell script or authorized_keys block reports on the right line.
 */
import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../../core/finding.js';
import type { SourceFile } from '../../core/source.js';
import type { LineOrigin, ShellWord } from './setup-model.js';

export interface YamlSource {
  /** Every document of the stream that parsed without errors (templated YAML that does not parse is skipped). */
  documents: Document[];
  lineCounter: LineCounter;
}

/**
 * `version: '1.1'` reads as PyYAML does (Ansible, cloud-init): `0644` is octal, `yes`/`on` are
 * booleans. GitHub's workflow parser follows YAML 1.2, the library's default.
 */
export function parseYamlSource(source: SourceFile, version: '1.1' | '1.2' = '1.2'): YamlSource {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(source.text, { lineCounter, uniqueKeys: false, version });
  const parsed = Array.isArray(documents) ? documents.filter((document) => document.errors.length === 0) : [];
  return { documents: parsed, lineCounter };
}

/** The 1-based line and column of a character offset. */
export function positionAt(yaml: YamlSource, offset: number): { line: number; column: number } {
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

/** The span a node covers, from its first character to the end of its value. */
export function nodeSpan(yaml: YamlSource, node: { range?: [number, number, number] | null }): Span {
  const [start, end] = node.range ?? [0, 0];
  const from = positionAt(yaml, start);
  const to = positionAt(yaml, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export interface ScalarText {
  text: string;
  /** One entry per line of `text`. */
  origins: LineOrigin[];
}

/**
 * A scalar's value with the host position of each line. A literal block (`|`) keeps its lines, so
 * each maps exactly (its indentation becomes the column offset); a folded or multi-line flow scalar
 * joins lines, so all of its text maps to where its content starts.
 */
export function scalarText(yaml: YamlSource, source: SourceFile, node: Scalar): ScalarText | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const text = node.value;
  const lineCount = text.split('\n').length;
  const start = positionAt(yaml, node.range[0]);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const firstContent = start.line + 1;
    const indent = blockIndent(source, firstContent, positionAt(yaml, node.range[1]).line);
    const exact = node.type === 'BLOCK_LITERAL';
    return { text, origins: Array.from({ length: lineCount }, (_, i) => ({ line: exact ? firstContent + i : firstContent, columnOffset: indent })) };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { text, origins: Array.from({ length: lineCount }, () => ({ line: start.line, columnOffset: start.column - 1 + quoted })) };
}

/** The indentation of a block scalar's content: that of its first non-blank line. */
function blockIndent(source: SourceFile, firstLine: number, lastLine: number): number {
  for (let number = firstLine; number <= lastLine; number++) {
    const text = source.lines[number - 1]?.text ?? '';
    if (text.trim() !== '') return text.length - text.trimStart().length;
  }
  return 0;
}

/** The value under `key` in a mapping node (the last one when a key repeats, as PyYAML keeps it). */
export function mapValue(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  let found: Node | undefined;
  for (const pair of (node as YAMLMap<unknown, Node>).items) {
    if (isScalar(pair.key) && pair.key.value === key) found = pair.value ?? undefined;
  }
  return found;
}

/** Jinja expressions, statements and comments: Ansible (and cloud-init's `## template: jinja`) replace them before any shell runs. */
export const JINJA = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

/** Jinja (`{{ }}`, `{% %}`, `{# #}`, as JINJA masks them) or `${…}` substitution (Terraform templatefile, envsubst): the text the tool gets is unknown. */
export function isTemplated(text: string): boolean {
  return /\{\{|\{%|\{#|\$\{/.test(text);
}

/** A scalar's string value when the text fixes it: numbers and booleans as written, nothing for templates. */
export function literalString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  const text = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
  return isTemplated(text) ? undefined : text;
}

/** A scalar as one shell word of an argument vector (no quotes or expansions apply), unknown when templated. */
export function scalarWord(yaml: YamlSource, source: SourceFile, node: unknown): ShellWord | undefined {
  if (!isScalar(node) || !node.range || node.value === null || typeof node.value === 'object') return undefined;
  const text = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
  return { value: literalString(node), raw: source.text.slice(node.range[0], node.range[1]), text, span: nodeSpan(yaml, node) };
}
