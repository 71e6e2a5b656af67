/**
 * Ansible → setup model: keys `authorized_key` installs (lines checked as authorized_keys lines,
 * `key_options` put before each key as the module writes them), lines and blocks added to SSH
 * files, files copied with inline content, and modes set. Anything Jinja decides is unknown and
 * left unjudged. The commands of `shell`, `command` and `raw` tasks are read as any shell script is.
 */
import type { SourceFile } from '../../core/source.js';
import { keyTypeByName } from '../../ssh/key-types.js';
import { readAnsibleFile, isTrue, type AnsibleTask, type TaskArg } from './ansible-tasks.js';
import { embedLines, fileLines, isKeyPlaceholder, scalarLines, type EmbeddedLine } from './embed.js';
import { parseModeNode, parseModeText } from './file-mode.js';
import { ansibleShellCommands } from './ansible-shell.js';
import { emptySetupModel, type EmbeddedDocument, type KeyInstallation, type SetupFileModel, type ShellCommand } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { sshPathRole, userOfPath, writtenFileKind } from './ssh-paths.js';
import { pushAll } from '../../core/collections.js';

const SHELL_MODULES: ReadonlySet<AnsibleTask['module']> = new Set(['shell', 'command', 'raw']);

export function parseAnsible(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('ansible', source);
  const { yaml, tasks } = readAnsibleFile(source);
  const commands: ShellCommand[] = [];
  for (const task of tasks) {
    if (SHELL_MODULES.has(task.module)) pushAll(commands, ansibleShellCommands(task, yaml, source));
    else if (task.args.get('state')?.value === 'absent') continue;
    else if (task.module === 'authorized_key') addAuthorizedKey(model, task);
    else addFileTask(model, task);
  }
  addShellFacts(model, commands);
  return model;
}

function arg(task: AnsibleTask, ...names: string[]): TaskArg | undefined {
  for (const name of names) {
    const found = task.args.get(name);
    if (found) return found;
  }
  return undefined;
}

/** The written text of an argument, templates included (`/home/{{ user }}/.ssh`). */
function writtenText(value: TaskArg | undefined): string | undefined {
  return value?.text?.text ?? value?.value;
}

function addAuthorizedKey(model: SetupFileModel, task: AnsibleTask): void {
  const key = task.args.get('key');
  if (!key) return;
  const exclusive = isTrue(task.args.get('exclusive'));
  const installation: KeyInstallation = { keys: { unknown: writtenText(key) ?? '' }, exclusive, span: task.span };
  const user = task.args.get('user')?.value;
  if (user !== undefined) installation.user = user;
  const path = writtenText(task.args.get('path'));
  if (path !== undefined) installation.target = path;
  const document = key.value !== undefined && !/^https?:\/\//i.test(key.value) ? keyDocument(model.source, task, key, exclusive) : undefined;
  if (document) {
    installation.keys = { document };
    model.embedded.push(document);
  } else {
    const file = lookupFile(model.source.path, writtenText(key) ?? '');
    if (file !== undefined) installation.keys = { file };
  }
  model.installations.push(installation);
}

/**
 * The authorized_keys lines the module writes: blank and `#` lines dropped, and with `key_options`
 * those options in place of any the key line has. Exclusive: the lines are the whole file.
 */
function keyDocument(host: SourceFile, task: AnsibleTask, key: TaskArg, exclusive: boolean): EmbeddedDocument | undefined {
  if (!key.text) return undefined;
  const optionsArg = task.args.get('key_options');
  if (optionsArg && (optionsArg.value === undefined || !optionsArg.text)) return undefined;
  const options = optionsArg?.text ? scalarLines(optionsArg.text)[0] : undefined;
  const lines = scalarLines(key.text).filter((line) => line.text !== '' && !line.text.startsWith('#'));
  if (lines.some((line) => isKeyPlaceholder(line.text))) return undefined;
  const written = options ? lines.map((line) => withOptions(line, options)) : lines;
  return embedLines('authorized_keys', host, written, { fragment: !exclusive, target: writtenText(task.args.get('path')) });
}

function withOptions(line: EmbeddedLine, options: EmbeddedLine): EmbeddedLine {
  const typeStart = [...line.text.matchAll(/\S+/g)].find((word) => keyTypeByName(word[0]))?.index;
  if (typeStart === undefined) return line;
  const prefix = `${options.text} `;
  const rest = { from: prefix.length + 1, line: line.origin.line, columnOffset: line.origin.columnOffset + typeStart - prefix.length };
  return { text: prefix + line.text.slice(typeStart), origin: { ...options.origin, rest } };
}

/**
 * `{{ lookup('file', 'deploy.pub') }}` in a role reads `roles/<role>/files/deploy.pub` first.
 * Elsewhere Ansible searches several directories, so the file is left unknown.
 */
function lookupFile(hostPath: string, written: string): string | undefined {
  const name = /^\{\{\s*lookup\(\s*['"]file['"]\s*,\s*['"]([^'"{}$]+)['"]\s*\)\s*\}\}$/.exec(written.trim())?.[1];
  return name === undefined ? undefined : roleFile(hostPath, name);
}

function roleFile(hostPath: string, name: string): string | undefined {
  const role = /^(.*?\/)?roles\/[^/]+\/(?=tasks\/|handlers\/)/.exec(hostPath)?.[0];
  if (role === undefined || name.startsWith('/') || name.split('/').includes('..')) return undefined;
  return `${role}files/${name}`;
}

function addFileTask(model: SetupFileModel, task: AnsibleTask): void {
  const target = fileTarget(task);
  if (target === undefined) return;
  const mode = arg(task, 'mode');
  if (mode) {
    const parsed = mode.node ? parseModeNode(mode.node, true) : parseModeText(mode.text?.text ?? '', true);
    if (parsed) model.modes.push({ target, recursive: task.module === 'file' && isTrue(task.args.get('recurse')), span: mode.span, ...parsed });
  }
  const kind = writtenFileKind(target);
  if (kind === undefined) return;
  const content = fileContent(task);
  const document = content?.text ? embedLines(kind, model.source, fileLines(content.text), { fragment: task.module !== 'copy', target }) : undefined;
  if (document) model.embedded.push(document);
  if (kind === 'authorized_keys') addCopiedKeys(model, task, target, document);
}

/** The file a task changes; `copy`/`template` into a directory (`dest: ~/.ssh/`) write `src`'s name there. */
function fileTarget(task: AnsibleTask): string | undefined {
  const target = writtenText(arg(task, 'path', 'dest', 'destfile', 'name'));
  if (target === undefined || (task.module !== 'copy' && task.module !== 'template')) return target;
  if (!target.endsWith('/') && sshPathRole(target) !== 'ssh_directory') return target;
  const name = task.args.get('src')?.value?.split('/').at(-1);
  return name ? `${target.replace(/\/+$/, '')}/${name}` : undefined;
}

/** What the task puts in the file: `copy` content, a `lineinfile` line, a `blockinfile` block. */
function fileContent(task: AnsibleTask): TaskArg | undefined {
  switch (task.module) {
    case 'copy':
      return task.args.get('content');
    case 'lineinfile':
      // With backrefs the line holds `\1` from the matched line: unknown.
      return isTrue(task.args.get('backrefs')) ? undefined : task.args.get('line');
    case 'blockinfile':
      return arg(task, 'block', 'content');
    default:
      return undefined;
  }
}

/** Keys a copy, template, lineinfile or blockinfile task puts in an authorized_keys file. */
function addCopiedKeys(model: SetupFileModel, task: AnsibleTask, target: string, document: EmbeddedDocument | undefined): void {
  if (task.module === 'file') return;
  const replaces = task.module === 'copy' || task.module === 'template';
  const src = task.args.get('src');
  const file = task.module === 'copy' && src?.value !== undefined && !isTrue(task.args.get('remote_src')) ? roleFile(model.source.path, src.value) : undefined;
  const keys: KeyInstallation['keys'] = document ? { document } : file !== undefined ? { file } : { unknown: writtenText(src ?? fileContent(task)) ?? '' };
  const installation: KeyInstallation = { target, keys, exclusive: replaces, span: task.span };
  const user = userOfPath(target);
  if (user !== undefined) installation.user = user;
  model.installations.push(installation);
}
