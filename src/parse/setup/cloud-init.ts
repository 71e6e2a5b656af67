/**
 * cloud-init user data (`#cloud-config`) → setup model: `ssh_authorized_keys` of the default user
 * and of each user (each list item one authorized_keys line), `ssh_import_id` (keys fetched at boot),
 * public host keys under `ssh_keys`, and `write_files` entries that write SSH files, with their
 * `permissions`, and the shell commands of `bootcmd` and `runcmd`. Subiquity's `autoinstall:` carries its cloud-config under `user-data:`.
 * Parsed as cloud-init does, with PyYAML (YAML 1.1).
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../../core/finding.js';
import type { SourceFile } from '../../core/source.js';
import { isCloudConfig } from '../../discover/kinds.js';
import { embedLines, fileLines, isKeyPlaceholder, scalarLines, type EmbeddedLine } from './embed.js';
import { parseModeNode } from './file-mode.js';
import { emptySetupModel, type KeyInstallation, type SetupFileModel, type ShellCommand, type ShellWord } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { argvCommands, shellCommands } from './shell/shell-commands.js';
import { maskMatches, shellText } from './shell/shell-text.js';
import { userOfPath, writtenFileKind } from './ssh-paths.js';
import { isTemplated, JINJA, literalString, mapValue, nodeSpan, parseYamlSource, scalarText, scalarWord, type ScalarText, type YamlSource } from './yaml-source.js';
import { pushAll } from '../../core/collections.js';

export interface CloudConfig {
  yaml: YamlSource;
  /** The cloud-config mappings: the document's, and an autoinstall's `user-data`. */
  configs: YAMLMap[];
}

function readCloudConfig(source: SourceFile): CloudConfig {
  const yaml = parseYamlSource(source, '1.1');
  const configs: YAMLMap[] = [];
  if (isCloudConfig(source.lines.slice(0, 2).map((line) => line.text))) {
    for (const document of yaml.documents.slice(0, 1)) {
      if (!isMap(document.contents)) continue;
      configs.push(document.contents);
      const nested = mapValue(mapValue(document.contents, 'autoinstall'), 'user-data');
      if (isMap(nested)) configs.push(nested);
    }
  }
  return { yaml, configs };
}

/** Each value a top-level cloud-config key has (in the document and in an autoinstall's user-data), where it is written. */
export function cloudConfigValues(model: SetupFileModel, key: string): { node: Node; span: Span }[] {
  if (!model.cloudConfig) return [];
  const { yaml, configs } = model.cloudConfig;
  return configs.flatMap((config) => {
    const node = mapValue(config, key);
    return node ? [{ node, span: nodeSpan(yaml, node) }] : [];
  });
}

/** cloud-init's `util.is_true` / `translate_bool`: booleans, or true/yes/on/1 in any case. */
export function cloudInitTrue(node: Node | undefined): boolean | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  const text = literalString(node);
  return text === undefined ? undefined : ['true', 'yes', 'on', '1'].includes(text.trim().toLowerCase());
}

/** `template`: what the tool that produced the text substituted in it (Jinja; Terraform's `${…}`), unknown in commands. */
export function parseCloudInit(source: SourceFile, template: RegExp = JINJA): SetupFileModel {
  const model = emptySetupModel('cloud_init', source);
  model.cloudConfig = readCloudConfig(source);
  const { yaml, configs } = model.cloudConfig;
  const reader = new ConfigReader(yaml, model, template);
  const commands: ShellCommand[] = [];
  for (const config of configs) {
    reader.addKeys(mapValue(config, 'ssh_authorized_keys'), undefined);
    const users = mapValue(config, 'users');
    for (const user of isSeq(users) ? users.items : []) reader.addUser(user);
    reader.addHostKeys(mapValue(config, 'ssh_keys'));
    const files = mapValue(config, 'write_files');
    for (const entry of isSeq(files) ? files.items : []) reader.addWrittenFile(entry);
    for (const key of ['bootcmd', 'runcmd']) pushAll(commands, reader.commandList(mapValue(config, key)));
  }
  addShellFacts(model, commands);
  return model;
}

class ConfigReader {
  constructor(
    private readonly yaml: YamlSource,
    private readonly model: SetupFileModel,
    private readonly template: RegExp,
  ) {}

  addUser(user: unknown): void {
    if (!isMap(user)) return;
    const name = literalString(mapValue(user, 'name'));
    this.addKeys(mapValue(user, 'ssh_authorized_keys'), name);
    const imported = mapValue(user, 'ssh_import_id');
    if (imported) this.install(name, { unknown: 'ssh_import_id' }, imported);
  }

  /** A list of keys (a lone string is one key), each item a line of the user's authorized_keys. */
  addKeys(keys: Node | undefined, user: string | undefined): void {
    if (!keys) return;
    const items = isSeq(keys) ? keys.items : [keys];
    const lines: EmbeddedLine[] = [];
    let unknown = false;
    for (const item of items) {
      const text = isScalar(item) ? scalarText(this.yaml, this.model.source, item) : undefined;
      if (!text || isTemplated(text.text) || isKeyPlaceholder(text.text)) unknown = true;
      else pushAll(lines, scalarLines(text));
    }
    // cloud-init adds the keys to what the file holds, so the list is part of the file.
    const document = embedLines('authorized_keys', this.model.source, lines, { fragment: true });
    if (document) {
      this.model.embedded.push(document);
      this.install(user, { document }, keys);
    }
    if (unknown) this.install(user, { unknown: 'ssh_authorized_keys' }, keys);
  }

  addHostKeys(keys: Node | undefined): void {
    if (!isMap(keys)) return;
    for (const pair of keys.items) {
      if (!isScalar(pair.key) || !/_public$/.test(String(pair.key.value)) || !isScalar(pair.value)) continue;
      const text = scalarText(this.yaml, this.model.source, pair.value);
      const document = text && !isKeyPlaceholder(text.text) && embedLines('public_key', this.model.source, scalarLines(text), { fragment: false });
      if (document) this.model.embedded.push(document);
    }
  }

  addWrittenFile(entry: unknown): void {
    const target = literalString(mapValue(entry, 'path'));
    if (target === undefined) return;
    const permissions = parseModeNode(mapValue(entry, 'permissions'), false);
    if (permissions) this.model.modes.push({ target, recursive: false, span: nodeSpan(this.yaml, mapValue(entry, 'permissions')!), ...permissions });
    const kind = writtenFileKind(target);
    const content = mapValue(entry, 'content');
    const encoding = literalString(mapValue(entry, 'encoding')) ?? 'text/plain';
    if (kind === undefined || !isScalar(content) || encoding !== 'text/plain') return;
    const text = scalarText(this.yaml, this.model.source, content);
    const append = cloudInitTrue(mapValue(entry, 'append')) === true;
    const document = text && embedLines(kind, this.model.source, fileLines(text), { fragment: append, target });
    if (document) this.model.embedded.push(document);
    if (kind === 'authorized_keys') this.install(userOfPath(target), document ? { document } : { unknown: 'write_files' }, content, target, !append);
  }

  /**
   * `runcmd`/`bootcmd`: cloud-init writes the items into one script, a string as it is, a list as
   * one command of those words (each quoted). Templates are masked: with `## template: jinja`
   * cloud-init renders Jinja first, and without it `{{` in a command is too rare to believe.
   */
  commandList(list: Node | undefined): ShellCommand[] {
    if (!isSeq(list)) return [];
    const lines: ScalarText[] = [];
    const commands: ShellCommand[] = [];
    for (const item of list.items) {
      if (isSeq(item)) {
        const words = item.items.map((word) => scalarWord(this.yaml, this.model.source, word));
        if (words.length > 0 && words.every((word) => word !== undefined)) pushAll(commands, argvCommands(words as ShellWord[]));
      } else if (isScalar(item)) {
        const text = scalarText(this.yaml, this.model.source, item);
        if (text) lines.push(text);
      }
    }
    const script = shellText(lines.map((line) => line.text).join('\n'), lines.flatMap((line) => line.origins), (text) => maskMatches(text, this.template));
    return [...shellCommands(script), ...commands];
  }

  private install(user: string | undefined, keys: KeyInstallation['keys'], node: Node, target?: string, exclusive = false): void {
    const installation: KeyInstallation = { keys, exclusive, span: nodeSpan(this.yaml, node) };
    if (user !== undefined) installation.user = user;
    if (target !== undefined) installation.target = target;
    this.model.installations.push(installation);
  }
}
