/**
 * Every ssh the code starts, directly (`ssh`, `scp`, `sftp`, `autossh`, `ssh-copy-id`) or through
 * another tool (`rsync -e 'ssh …'`, `git -c core.sshCommand=…`, `GIT_SSH_COMMAND=…`), with its
 * `-o` options as ssh_config lines: ssh reads them with the same parser as its configuration
 * (readconf.c process_config_line), so the configuration rules judge them.
 */
import { commandName } from './file-writes.js';
import type { LineOrigin, ShellCommand, ShellWord } from './setup-model.js';
import { shellCommands, wordAsShellText } from './shell/shell-commands.js';
import { pushAll } from '../../core/collections.js';

export interface SshOption {
  /** As an ssh_config line: `StrictHostKeyChecking=no`, `IdentityFile ~/.ssh/deploy`. */
  line: string;
  /** Where the line's first character sits in the host file. */
  origin: LineOrigin;
  word: ShellWord;
}

export interface SshInvocation {
  command: ShellCommand;
  options: SshOption[];
  /** The `-A` flag (agent forwarding), when given. */
  forwardAgent?: ShellWord;
}

/** Options that take a value, per program (OpenSSH ssh.c, scp.c, sftp.c getopt strings). */
const VALUED: ReadonlyMap<string, string> = new Map([
  ['ssh', 'bceilmopBDEFIJLOPQRSwW'],
  ['slogin', 'bceilmopBDEFIJLOPQRSwW'],
  ['autossh', 'bceilmopBDEFIJLMOPQRSwW'],
  ['scp', 'cilosDFJMPSX'],
  ['sftp', 'cilosbBDFJPRSX'],
  ['ssh-copy-id', 'ioptF'],
]);
/** Environment variables and git settings whose value is an ssh command line. */
export const SSH_COMMAND_VARIABLES = new Set(['GIT_SSH_COMMAND', 'RSYNC_RSH']);

export function sshInvocations(commands: readonly ShellCommand[]): SshInvocation[] {
  const found: SshInvocation[] = [];
  for (const command of commands) {
    for (const { name, value } of command.assignments) if (SSH_COMMAND_VARIABLES.has(name)) pushAll(found, fromCommandLine(value));
    const name = commandName(command);
    if (name === undefined) continue;
    if (VALUED.has(name)) found.push(invocation(command, name));
    else if (name === 'rsync') pushAll(found, rsyncShells(command).flatMap(fromCommandLine));
    else if (name === 'git') pushAll(found, gitSshCommands(command).flatMap(fromCommandLine));
  }
  return found;
}

/** A word holding an ssh command line (`ssh -i key -o …`), lexed as the tool's shell would. */
function fromCommandLine(word: ShellWord): SshInvocation[] {
  if (word.value === undefined) return [];
  const commands = shellCommands(wordAsShellText(word as ShellWord & { value: string }));
  return commands.flatMap((command) => {
    const name = commandName(command);
    return name !== undefined && VALUED.has(name) ? [invocation(command, name)] : [];
  });
}

function rsyncShells(command: ShellCommand): ShellWord[] {
  const words = command.words;
  const shells: ShellWord[] = [];
  for (let i = 1; i < words.length; i++) {
    const text = words[i]!.text;
    if (text === '-e' || text === '--rsh') {
      if (words[i + 1]) shells.push(words[i + 1]!);
    } else if (/^--rsh=|^-e./.test(text)) shells.push(trimmed(words[i]!, text.startsWith('-e') ? 2 : 6));
  }
  return shells;
}

function gitSshCommands(command: ShellCommand): ShellWord[] {
  const words = command.words;
  const found: ShellWord[] = [];
  for (let i = 1; i < words.length - 1; i++) {
    const setting = words[i + 1]!;
    if (words[i]!.text === '-c' && /^core\.sshcommand=/i.test(setting.text)) found.push(trimmed(setting, 'core.sshCommand='.length));
  }
  return found;
}

/** The word without its first `length` characters (an option name glued to its value). */
function trimmed(word: ShellWord, length: number): ShellWord {
  const at = word.raw.indexOf(word.text.slice(length));
  const shift = at >= 0 ? at : 0;
  return { value: word.value?.slice(length), raw: word.raw.slice(shift), text: word.text.slice(length), span: { ...word.span, column: word.span.column + shift } };
}

function invocation(command: ShellCommand, name: string): SshInvocation {
  const valued = VALUED.get(name)!;
  const found: SshInvocation = { command, options: [] };
  const words = command.words;
  let operands = 0;
  for (let i = 1; i < words.length && operands < (name === 'ssh' || name === 'autossh' ? 2 : 1); i++) {
    const word = words[i]!;
    const text = word.text;
    if (text === '--') break;
    if (!text.startsWith('-') || text === '-') {
      operands++;
      continue;
    }
    for (let j = 1; j < text.length; j++) {
      const flag = text[j]!;
      if (flag === 'A') found.forwardAgent = word;
      if (!valued.includes(flag)) continue;
      const glued = j + 1 < text.length;
      const valueWord = glued ? trimmed(word, j + 1) : words[++i];
      if (valueWord) addOption(found, flag, valueWord);
      break;
    }
  }
  return found;
}

function addOption(found: SshInvocation, flag: string, word: ShellWord): void {
  if (word.value === undefined || word.value.includes('\n')) return;
  const quote = /^["']/.test(word.raw) ? 1 : 0;
  const origin: LineOrigin = { line: word.span.line, columnOffset: word.span.column - 1 + quote };
  if (flag === 'o') found.options.push({ line: word.value, origin, word });
  else if (flag === 'i') found.options.push({ line: `IdentityFile ${word.value}`, origin: { ...origin, columnOffset: origin.columnOffset - 'IdentityFile '.length }, word });
}
