/**
 * The tasks of an Ansible playbook or task file that touch SSH, with their arguments as Ansible
 * receives them: module names short or fully qualified, arguments as a mapping, as free-form
 * `key=value` text, or under `args:`. Parsed as PyYAML does (YAML 1.1), once per file.
 */
import { isMap, isScalar, isSeq, type Node, type Range, type YAMLMap } from 'yaml';
import type { Span } from '../../core/finding.js';
import type { SourceFile } from '../../core/source.js';
import { isTemplated, literalString, mapValue, nodeSpan, parseYamlSource, positionAt, scalarText, type ScalarText, type YamlSource } from './yaml-source.js';

/** Modules whose effect on SSH files sshlint models. */
export const ANSIBLE_MODULES = ['authorized_key', 'file', 'copy', 'template', 'lineinfile', 'blockinfile', 'shell', 'command', 'raw'] as const;
export type AnsibleModule = (typeof ANSIBLE_MODULES)[number];

const COLLECTIONS = ['ansible.builtin.', 'ansible.legacy.', 'ansible.posix.'];
/** Keys under which plays and blocks hold more tasks. */
const TASK_LISTS = ['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always'];

export interface TaskArg {
  /** The value when the text fixes it (numbers and booleans as written); undefined for templates and non-scalars. */
  value: string | undefined;
  /** The YAML node, in mapping form (its type tells `0644` from `'0644'`). */
  node?: Node;
  /** The value's text with the host position of each line. */
  text?: ScalarText;
  span: Span;
}

export interface AnsibleTask {
  module: AnsibleModule;
  args: ReadonlyMap<string, TaskArg>;
  /** The module's value when it is a string (`shell: ssh-keyscan host >> …`): the command line of `shell`, `command` and `raw`. */
  freeForm?: ScalarText;
  /** The module name, where findings about the whole task point. */
  span: Span;
}

export interface AnsibleFile {
  yaml: YamlSource;
  tasks: AnsibleTask[];
}

export function readAnsibleFile(source: SourceFile): AnsibleFile {
  const yaml = parseYamlSource(source, '1.1');
  const tasks: AnsibleTask[] = [];
  for (const document of yaml.documents) collectTasks(yaml, source, document.contents, tasks);
  return { yaml, tasks };
}

function collectTasks(yaml: YamlSource, source: SourceFile, list: unknown, out: AnsibleTask[]): void {
  if (!isSeq(list)) return;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const nested = TASK_LISTS.map((key) => mapValue(item, key)).filter((value) => isSeq(value));
    if (nested.length > 0) for (const tasks of nested) collectTasks(yaml, source, tasks, out);
    else {
      const task = readTask(yaml, source, item);
      if (task) out.push(task);
    }
  }
}

function moduleName(key: unknown): AnsibleModule | undefined {
  if (typeof key !== 'string') return undefined;
  const prefix = COLLECTIONS.find((collection) => key.startsWith(collection));
  const short = prefix ? key.slice(prefix.length) : key;
  return (ANSIBLE_MODULES as readonly string[]).includes(short) ? (short as AnsibleModule) : undefined;
}

function readTask(yaml: YamlSource, source: SourceFile, task: YAMLMap): AnsibleTask | undefined {
  for (const pair of task.items) {
    if (!isScalar(pair.key)) continue;
    const module = moduleName(pair.key.value);
    if (!module) continue;
    // Ansible merges `args:` under the module's own arguments, which win.
    const args = new Map([...mappingArgs(yaml, source, mapValue(task, 'args')), ...moduleArgs(yaml, source, pair.value)]);
    const found: AnsibleTask = { module, args, span: nodeSpan(yaml, pair.key) };
    const freeForm = isScalar(pair.value) ? scalarText(yaml, source, pair.value) : undefined;
    if (freeForm) found.freeForm = freeForm;
    return found;
  }
  return undefined;
}

function moduleArgs(yaml: YamlSource, source: SourceFile, value: unknown): Map<string, TaskArg> {
  if (isMap(value)) return mappingArgs(yaml, source, value);
  if (isScalar(value) && typeof value.value === 'string') return freeFormArgs(yaml, source, value.value, value.range);
  return new Map();
}

function mappingArgs(yaml: YamlSource, source: SourceFile, map: unknown): Map<string, TaskArg> {
  const args = new Map<string, TaskArg>();
  if (!isMap(map)) return args;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.value) continue;
    const node = pair.value as Node;
    const arg: TaskArg = { value: literalString(node), node, span: nodeSpan(yaml, node) };
    if (isScalar(node)) {
      const text = scalarText(yaml, source, node);
      if (text) arg.text = text;
    }
    args.set(pair.key.value, arg);
  }
  return args;
}

/**
 * `name=x mode=0600 key="a b"` as Ansible's `parse_kv` splits it: on blanks outside quotes and
 * Jinja braces, each word `key=value`, the value unquoted. Positions are exact on a one-line scalar.
 */
function freeFormArgs(yaml: YamlSource, source: SourceFile, text: string, range: Range | null | undefined): Map<string, TaskArg> {
  const args = new Map<string, TaskArg>();
  const start = positionAt(yaml, range?.[0] ?? 0);
  const written = source.lines[start.line - 1]?.text.slice(start.column - 1) ?? '';
  const oneLine = written.startsWith(text);
  for (const word of splitArgs(text)) {
    const equals = word.text.indexOf('=');
    if (equals <= 0) continue;
    const raw = word.text.slice(equals + 1);
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
    const value = quoted ? raw.slice(1, -1) : raw;
    const column = start.column + (oneLine ? word.start + equals + 1 + (quoted ? 1 : 0) : 0);
    const span: Span = { line: start.line, column, endLine: start.line, endColumn: column + (oneLine ? value.length : 0) };
    args.set(word.text.slice(0, equals), {
      value: isTemplated(value) ? undefined : value,
      text: { text: value, origins: [{ line: start.line, columnOffset: column - 1 }] },
      span,
    });
  }
  return args;
}

function splitArgs(text: string): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  let quote: string | undefined;
  let braces = 0;
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const blank = ch === undefined || /\s/.test(ch);
    if (blank && quote === undefined && braces === 0) {
      if (wordStart !== -1) words.push({ text: text.slice(wordStart, i), start: wordStart });
      wordStart = -1;
      continue;
    }
    if (wordStart === -1) wordStart = i;
    if (quote !== undefined) {
      if (ch === quote && text[i - 1] !== '\\') quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' && (text[i + 1] === '{' || text[i + 1] === '%')) braces++;
    else if ((ch === '}' || ch === '%') && text[i + 1] === '}' && braces > 0) braces--;
  }
  return words;
}

/** Ansible's `boolean()`: yes/on/true/1/y/t, any case. */
export function isTrue(arg: TaskArg | undefined): boolean {
  return arg?.value !== undefined && ['yes', 'on', 'true', '1', 'y', 't'].includes(arg.value.toLowerCase());
}
