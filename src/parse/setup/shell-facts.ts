/**
 * What shell commands tell about SSH, added to a setup model: the SSH files they write (analysed
 * as those files), the `-o` options they give ssh (analysed as ssh_config lines), the keys they
 * install and the modes they set (for lockout analysis).
 */
import { createSourceFile } from '../../core/source.js';
import { fileWrites, commandName, operands, type FileWrite, type KnownLines } from './file-writes.js';
import { knownBits, parseMode } from './file-mode.js';
import type { EmbeddedDocument, KeyInstallation, ModeSetting, SetupFileModel, ShellCommand } from './setup-model.js';
import { writtenFileKind, userOfPath } from './ssh-paths.js';
import { sshInvocations } from './ssh-invocations.js';
import { withLiteralVariables } from './shell-variables.js';
import { pushAll } from '../../core/collections.js';

export function addShellFacts(model: SetupFileModel, commands: readonly ShellCommand[]): void {
  pushAll(model.commands, commands);
  const writes = fileWrites(commands);
  // ssh reads its options from the words it is given, variables the code set included.
  const invocations = sshInvocations(withLiteralVariables(commands));
  pushAll(model.writes, writes);
  pushAll(model.invocations, invocations);
  for (const write of writes) addWrite(model, write);
  for (const invocation of invocations) {
    // Agent forwarding on a command line is one connection's choice; agent-forwarding-in-ci judges it where it matters.
    const options = invocation.options.filter((option) => !/^\s*forwardagent\b/i.test(option.line));
    if (options.length === 0) continue;
    model.embedded.push(embeddedDocument(model, 'ssh_config', { lines: options.map((o) => o.line), origins: options.map((o) => o.origin) }, true));
  }
  for (const command of commands) pushAll(model.modes, modeSettings(command));
}

function addWrite(model: SetupFileModel, write: FileWrite): void {
  const kind = writtenFileKind(write.target.text);
  if (!kind) return;
  const content = write.content;
  let document: EmbeddedDocument | undefined;
  if (content && 'lines' in content && content.lines.some((line) => line !== undefined && line.trim() !== '')) {
    const partial = write.append || content.lines.some((line) => line === undefined);
    document = embeddedDocument(model, kind, content, partial, write.target.text);
    model.embedded.push(document);
  }
  if (kind !== 'authorized_keys') return;
  // Keys whose text is unknown are still keys: lockout analysis must not think the user has none.
  const keys: KeyInstallation['keys'] =
    content && 'file' in content ? { file: content.file } : document ? { document } : { unknown: write.producer.words.map((word) => word.raw).join(' ') };
  const installation: KeyInstallation = { target: write.target.text, keys, exclusive: !write.append, span: write.target.span };
  const user = userOfPath(write.target.text);
  if (user) installation.user = user;
  model.installations.push(installation);
}

function embeddedDocument(model: SetupFileModel, kind: EmbeddedDocument['kind'], content: KnownLines, fragment: boolean, target?: string): EmbeddedDocument {
  const text = `${content.lines.map((line) => line ?? '').join('\n')}\n`;
  const origins = content.origins.length > 0 ? content.origins : [{ line: 1, columnOffset: 0 }];
  const document: EmbeddedDocument = { kind, source: createSourceFile(model.source.path, text), origins, fragment };
  if (target !== undefined) document.target = target;
  return document;
}

/** `chmod [-R] MODE PATH…`, `install -m MODE … DEST`, `mkdir -m MODE DIR…`. */
function modeSettings(command: ShellCommand): ModeSetting[] {
  const name = commandName(command);
  const words = command.words;
  let written: string | undefined;
  let targets = [] as typeof words;
  let recursive = false;
  if (name === 'chmod') {
    const args = operands(command, ['--reference']);
    recursive = words.some((word) => /^-[a-zA-Z]*R/.test(word.text) || word.text === '--recursive');
    // A symbolic mode that starts with `-` (`chmod -w f`) reads as an option to operands(); chmod takes it as the mode.
    const modeWord = words.slice(1).find((word) => !/^-[cfvR]+$|^--/.test(word.text));
    written = modeWord?.value;
    targets = args.filter((word) => word !== modeWord);
  } else if (name === 'install' || name === 'mkdir') {
    const index = words.findIndex((word) => word.text === '-m' || word.text.startsWith('--mode=') || /^-m\d/.test(word.text));
    if (index === -1) return [];
    const word = words[index]!;
    written = word.text === '-m' ? words[index + 1]?.value : word.value?.replace(/^--mode=|^-m/, '');
    const paths = operands(command, ['-m', '-o', '-g', '-t', '-S', '--owner', '--group']);
    const directories = name === 'mkdir' || words.some((w) => w.text === '-d' || w.text === '--directory');
    targets = directories ? paths : paths.slice(-1);
    if (!directories && paths.length < 2) return [];
  } else return [];
  if (written === undefined) return [];
  const change = parseMode(written);
  if (!change) return [];
  return targets.map((target) => ({ target: target.text, ...knownBits(change), written, recursive, span: target.span }));
}
