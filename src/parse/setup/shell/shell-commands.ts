/**
 * The commands a piece of shell really runs: the lexer's simple commands with their wrappers
 * taken off (`sudo`, `env`, `exec`, `export`, …) and the scripts they hand to another shell
 * (`bash -c '…'`, `su -c '…'`, `git -c core.sshCommand=…` is left to the ssh extractor) lexed
 * in turn, with positions in the host file.
 */
import type { LineOrigin, ShellCommand, ShellWord } from '../setup-model.js';
import { lexShell } from './shell-lexer.js';
import { shellText, type ShellText } from './shell-text.js';
import { pushAll } from '../../../core/collections.js';

/** Wrappers that run their arguments as a command, with the options that take a value. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-c'])],
  ['doas', new Set(['-u', '-C'])],
  ['env', new Set(['-u', '-C', '-S'])],
  ['exec', new Set(['-a'])],
  ['command', new Set()],
  ['builtin', new Set()],
  ['nohup', new Set()],
  ['time', new Set(['-f', '-o'])],
  ['nice', new Set(['-n'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
  ['timeout', new Set(['-s', '-k'])],
  ['sshpass', new Set(['-p', '-f', '-d', '-P'])],
]);
/** Builtins whose arguments are assignments that later commands see. */
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_NESTING = 4;

export function shellCommands(text: ShellText, scope?: string, nesting = 0): ShellCommand[] {
  return expand(lexShell(text), text.origins, scope, nesting);
}

/** A command given as an argument vector, not shell text (cloud-init `runcmd: [[ssh, -o, …]]`): no quotes, no expansions. */
export function argvCommands(words: ShellWord[], scope?: string): ShellCommand[] {
  return expand([{ words, assignments: [], redirects: [] }], [], scope, 0);
}

function expand(lexed: readonly ShellCommand[], origins: readonly LineOrigin[], scope: string | undefined, nesting: number): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const found of lexed) {
    const command = unwrap(found);
    if (scope !== undefined) command.scope = scope;
    commands.push(command);
    const script = scriptArgument(command);
    if (script && nesting < MAX_NESTING) pushAll(commands, shellCommands(wordAsShellText(script, origins), scope, nesting + 1));
  }
  return commands;
}

/** The command with its wrappers removed (in place, so pipelines keep pointing at it). */
function unwrap(command: ShellCommand): ShellCommand {
  let words = command.words;
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = words[0]!.value ?? '';
    const valued = WRAPPERS.get(name);
    if (valued) {
      let i = 1;
      while (i < words.length) {
        const value = words[i]!.value ?? '';
        if (name === 'env' && ASSIGNMENT.test(value)) {
          command.assignments.push(assignment(words[i++]!));
          continue;
        }
        if (value === '--') i++;
        if (value === '--' || !value.startsWith('-') || value === '-') break;
        i += valued.has(value) ? 2 : 1;
      }
      if (name === 'timeout') i++; // its duration
      words = words.slice(i);
    } else if (DECLARATIONS.has(name)) {
      for (const word of words.slice(1)) {
        if (ASSIGNMENT.test(word.text)) command.assignments.push(assignment(word));
      }
      words = [];
    } else break;
  }
  command.words = words;
  return command;
}

function assignment(word: ShellWord): { name: string; value: ShellWord } {
  const name = word.text.slice(0, word.text.indexOf('='));
  const length = name.length + 1;
  const value: ShellWord = { value: word.value?.slice(length), raw: word.raw.slice(length), text: word.text.slice(length), span: { ...word.span } };
  if (NAME.test(name) && word.raw.startsWith(`${name}=`)) value.span.column += length;
  return { name, value };
}

/** The script of `bash -c SCRIPT`, `su [user] -c SCRIPT`. */
function scriptArgument(command: ShellCommand): (ShellWord & { value: string }) | undefined {
  const [first, ...rest] = command.words;
  const name = first?.value?.replace(/^.*\//, '');
  if (!name || !(SHELLS.has(name) || name === 'su')) return undefined;
  const flag = rest.findIndex((word) => word.value !== undefined && /^-[a-z]*c[a-z]*$/.test(word.value));
  const script = flag === -1 ? undefined : rest[flag + 1];
  return script?.value === undefined ? undefined : (script as ShellWord & { value: string });
}

/**
 * A word's value (a script handed to `bash -c`, a `GIT_SSH_COMMAND`) as shell text of its own. Its
 * first line starts after the word's opening quote; later lines keep the host file's line mapping
 * (`parentOrigins`: quoted scripts keep their line breaks).
 */
export function wordAsShellText(word: ShellWord & { value: string }, parentOrigins: readonly LineOrigin[] = []): ShellText {
  const script = word.value;
  const quote = /^["']/.test(word.raw) ? 1 : /^\$'/.test(word.raw) ? 2 : 0;
  const first = parentOrigins.findIndex((origin) => origin.line === word.span.line);
  const origins: LineOrigin[] = script.split('\n').map((_, i) => {
    if (i === 0) return { line: word.span.line, columnOffset: word.span.column - 1 + quote };
    return parentOrigins[first + i] ?? { line: word.span.line + i, columnOffset: 0 };
  });
  return shellText(script, origins);
}
