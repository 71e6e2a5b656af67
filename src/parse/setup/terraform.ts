/**
 * Terraform (HCL) → setup model: public keys written literally in attributes (`public_key` of
 * aws_key_pair, digitalocean_ssh_key, hcloud_ssh_key, openstack_compute_keypair_v2, azurerm
 * `admin_ssh_key`; `ssh_key`/`key` of linode, vultr, GitHub and GitLab deploy keys) checked as
 * `.pub` contents, and Google metadata `ssh-keys` (`user:key` lines) checked as authorized_keys
 * lines, and `#cloud-config` user data in heredocs read as cloud-init. A small extractor for string attributes, not an HCL parser: values with `${…}`/`%{…}`,
 * `file(…)` or any other expression are unknown and skipped.
 */
import { createSourceFile, type SourceFile, type SourceLine } from '../../core/source.js';
import { isCloudConfig } from '../../discover/kinds.js';
import { keyTypeByName } from '../../ssh/key-types.js';
import { parseCloudInit } from './cloud-init.js';
import { embedLines, type EmbeddedLine } from './embed.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';

const KEY_ATTRIBUTES = new Set(['public_key', 'ssh_key', 'ssh_public_key', 'key']);
const METADATA_KEY_ATTRIBUTES = new Set(['ssh-keys', 'sshKeys']);
/**
 * User data handed to cloud-init as written (aws_instance, digitalocean_droplet, hcloud_server,
 * openstack, vultr `user_data`; Google metadata `user-data`). `user_data_base64` and azurerm
 * `custom_data` take base64, so literal text there is not what cloud-init reads.
 */
const USER_DATA_ATTRIBUTES = new Set(['user_data', 'user-data']);
/** Terraform substitutes `${…}` before cloud-init (and its shell) sees the text, inside shell quotes too. */
const INTERPOLATION = /\$\{[^}]*\}/g;

/** `name = ` or `"name" = ` / `name: ` inside an object. */
const ATTRIBUTE = /^(\s*"?)([A-Za-z_][\w-]*)"?\s*[=:]\s*/;

export function parseTerraform(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('terraform', source);
  for (const value of stringAttributes(source)) {
    if (USER_DATA_ATTRIBUTES.has(value.name)) {
      if (value.heredoc) addUserData(model, value.lines);
      continue;
    }
    // `$${` and `%%{` are literal; any other `${` or `%{` is a template.
    if (value.lines.some((line) => /[$%]\{/.test(line.text.replace(/([$%])\1\{/g, '')))) continue;
    const lines = value.lines.map((line) => ({ ...line, text: line.text.replace(/([$%])\1\{/g, '$1{') }));
    if (METADATA_KEY_ATTRIBUTES.has(value.name)) addMetadataKeys(model, lines);
    else if (KEY_ATTRIBUTES.has(value.name) && startsWithKeyType(lines[0]?.text ?? '')) {
      const document = embedLines('public_key', source, lines, { fragment: false });
      if (document) model.embedded.push(document);
    }
  }
  return model;
}

/**
 * A heredoc of `#cloud-config` user data, read by the cloud-init parser with its lines mapped back
 * here. `${…}` stays in the text, where cloud-init's reader takes it as unknown; a `%{ if }` or
 * `%{ for }` directive decides which lines exist, so such user data is not read at all.
 */
function addUserData(model: SetupFileModel, lines: readonly EmbeddedLine[]): void {
  if (!isCloudConfig(lines.slice(0, 2).map((line) => line.text)) || lines.some((line) => /%\{/.test(line.text.replace(/%%\{/g, '')))) return;
  const text = lines.map((line) => line.text.replace(/([$%])\1\{/g, '$1{')).join('\n');
  const cloudInit = parseCloudInit(createSourceFile(model.source.path, text), INTERPOLATION);
  model.nested.push({ model: cloudInit, origins: lines.map((line) => line.origin) });
}

function startsWithKeyType(text: string): boolean {
  return keyTypeByName(text.trimStart().split(/\s/)[0] ?? '') !== undefined;
}

/** Google's `user:ssh-ed25519 AAAA… comment` lines: the user's authorized_keys lines after the `user:` prefix. */
function addMetadataKeys(model: SetupFileModel, lines: readonly EmbeddedLine[]): void {
  for (const line of lines) {
    const user = /^\s*([^:\s]+):/.exec(line.text);
    if (!user || !startsWithKeyType(line.text.slice(user[0].length))) continue;
    const key: EmbeddedLine = { text: line.text.slice(user[0].length), origin: { ...line.origin, columnOffset: line.origin.columnOffset + user[0].length } };
    const document = embedLines('authorized_keys', model.source, [key], { fragment: true });
    if (!document) continue;
    model.embedded.push(document);
    model.installations.push({ user: user[1]!, keys: { document }, exclusive: false, span: { line: line.origin.line, column: line.origin.columnOffset + 1 } });
  }
}

interface StringAttribute {
  name: string;
  lines: EmbeddedLine[];
  heredoc: boolean;
}

/** Attributes whose whole value is one quoted string or a heredoc, outside comments. */
function stringAttributes(source: SourceFile): StringAttribute[] {
  const found: StringAttribute[] = [];
  const lines = source.lines;
  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (inComment) {
      inComment = !line.text.includes('*/');
      continue;
    }
    if (/^\s*\/\*/.test(line.text)) {
      inComment = !line.text.includes('*/');
      continue;
    }
    const attribute = ATTRIBUTE.exec(line.text);
    if (!attribute) continue;
    const valueStart = attribute[0].length;
    const heredoc = /^<<(-?)([A-Za-z_]\w*)\s*$/.exec(line.text.slice(valueStart));
    if (heredoc) {
      const body = heredocBody(lines, index + 1, heredoc[2]!, heredoc[1] === '-');
      if (body) found.push({ name: attribute[2]!, lines: body.lines, heredoc: true });
      index = body ? body.end : lines.length;
    } else if (line.text[valueStart] === '"') {
      const text = quotedString(line.text, valueStart + 1);
      if (text !== undefined) found.push({ name: attribute[2]!, lines: splitDecoded(text, line.number, valueStart + 1), heredoc: false });
    }
  }
  return found;
}

/** A quoted string that is the whole value (nothing but a comment after it), decoded; undefined otherwise. */
function quotedString(text: string, start: number): string | undefined {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return /^\s*(?:,\s*)?(?:(?:#|\/\/).*)?$/.test(text.slice(i + 1)) ? value : undefined;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = text[++i];
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
    // \uXXXX and friends in a key would be unusual; treat the value as unknown.
    if (next === undefined || !(next in escapes)) return undefined;
    value += escapes[next];
  }
  return undefined;
}

function splitDecoded(text: string, line: number, columnOffset: number): EmbeddedLine[] {
  return text.split('\n').map((part) => ({ text: part, origin: { line, columnOffset } }));
}

/** `<<EOF` keeps lines as written; `<<-EOF` removes the indentation the lines share. */
function heredocBody(lines: readonly SourceLine[], first: number, marker: string, indented: boolean): { lines: EmbeddedLine[]; end: number } | undefined {
  const end = lines.findIndex((line, index) => index >= first && line.text.trim() === marker);
  if (end === -1) return undefined;
  const body = lines.slice(first, end);
  const indents = body.filter((line) => line.text.trim() !== '').map((line) => line.text.length - line.text.trimStart().length);
  const strip = indented && indents.length > 0 ? indents.reduce((least, indent) => Math.min(least, indent)) : 0;
  return { lines: body.map((line) => ({ text: line.text.slice(strip), origin: { line: line.number, columnOffset: strip } })), end };
}
