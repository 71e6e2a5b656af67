/**
 * The files shell commands write, and what they write when the code shows it: `cat > f <<EOF`,
 * `echo … >> f`, `printf …`, `… | tee -a f`, `cp src f`. Content that an expansion makes unknown
 * stays unknown line by line, so rules judge only what is written in the repository.
 */
import type { LineOrigin, ShellCommand, ShellWord } from './setup-model.js';

export interface KnownLines {
  /** Undefined where an expansion makes a line unknown. */
  lines: (string | undefined)[];
  origins: LineOrigin[];
}

/** Content copied from a file of the repository (`cp keys/deploy.pub ~/.ssh/authorized_keys`). */
export interface CopiedFile {
  file: string;
}

export interface FileWrite {
  target: ShellWord;
  /** `>>`, `tee -a`: the file keeps what it had. */
  append: boolean;
  /** Undefined when the writer's output is not shown (`base64 -d`, `ssh-keyscan`, `curl`). */
  content: KnownLines | CopiedFile | undefined;
  /** The command that writes (for `… | tee f`, the tee). */
  command: ShellCommand;
  /** The command whose output is written: the writer itself, or what a tee or cat reads from its pipe. */
  producer: ShellCommand;
}

const STDOUT_REDIRECT = /^(?:1?>|1?>>|1?>\||&>|&>>)$/;
const COPIERS = new Set(['cp', 'install', 'mv']);

export function fileWrites(commands: readonly ShellCommand[]): FileWrite[] {
  const pipedFrom = new Map<ShellCommand, ShellCommand>();
  for (const command of commands) if (command.pipedTo) pipedFrom.set(command.pipedTo, command);
  const writes: FileWrite[] = [];
  for (const command of commands) {
    const name = commandName(command);
    const producer = name === 'tee' || (name === 'cat' && !hasInput(command)) ? (pipedFrom.get(command) ?? command) : command;
    const content = producer === command ? output(command) : output(producer);
    for (const redirect of command.redirects) {
      if (STDOUT_REDIRECT.test(redirect.operator)) {
        writes.push({ target: redirect.target, append: redirect.operator.endsWith('>>'), content, command, producer });
      }
    }
    if (name === 'tee') {
      const args = command.words.slice(1);
      const append = args.some((word) => /^-[a-z]*a/.test(word.value ?? '') || word.value === '--append');
      for (const target of args.filter((word) => !(word.text.startsWith('-') && word.text.length > 1))) {
        writes.push({ target, append, content, command, producer });
      }
    }
    if (name !== undefined && COPIERS.has(name)) {
      const paths = operands(command, name === 'install' ? ['-m', '-o', '-g', '-t', '-S', '--mode', '--owner', '--group'] : ['-t', '-S']);
      const target = paths.at(-1);
      if (paths.length === 2 && target && !command.words.some((word) => word.value === '-d')) {
        const source = paths[0]!.value;
        writes.push({ target, append: false, content: source === undefined ? undefined : { file: source }, command, producer: command });
      }
    }
  }
  return writes;
}

/** The command's name without its directory (`/usr/bin/tee` → tee); undefined when unknown. */
export function commandName(command: ShellCommand): string | undefined {
  return command.words[0]?.value?.replace(/^.*\//, '');
}

/** The non-option arguments, skipping the values of options in `valued`. */
export function operands(command: ShellCommand, valued: readonly string[]): ShellWord[] {
  const found: ShellWord[] = [];
  const words = command.words.slice(1);
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!.text;
    if (text === '--') return [...found, ...words.slice(i + 1)];
    if (valued.includes(text)) i++;
    else if (!text.startsWith('-') || text === '-') found.push(words[i]!);
  }
  return found;
}

function hasInput(command: ShellCommand): boolean {
  return command.words.length > 1 || command.redirects.some((redirect) => redirect.operator.startsWith('<'));
}

/** What a command prints, when the code shows it. */
function output(command: ShellCommand): KnownLines | CopiedFile | undefined {
  const name = commandName(command);
  const args = command.words.slice(1);
  if (name === 'echo') return echoed(args);
  if (name === 'printf') return printed(args);
  if (name === 'cat' || name === 'tee') {
    const heredoc = command.redirects.find((redirect) => redirect.body);
    if (heredoc?.body) return { lines: heredoc.body.lines, origins: heredoc.body.origins };
    const hereString = command.redirects.find((redirect) => redirect.operator === '<<<');
    if (hereString) return wordLines([hereString.target], (values) => values.join(' '));
    const files = args.filter((word) => !word.text.startsWith('-'));
    if (name === 'cat' && files.length === 1 && files[0]!.value !== undefined) return { file: files[0]!.value };
  }
  return undefined;
}

function echoed(args: ShellWord[]): KnownLines | undefined {
  let i = 0;
  let escapes = false;
  while (i < args.length && /^-[neE]+$/.test(args[i]!.value ?? '')) escapes ||= args[i++]!.value!.includes('e');
  return wordLines(args.slice(i), (values) => (escapes ? unescape(values.join(' ')) : values.join(' ')));
}

function printed(args: ShellWord[]): KnownLines | undefined {
  const [format, ...rest] = args;
  if (!format || format.value === undefined) return wordLines(args, () => undefined);
  if (rest.length === 0) return wordLines([format], ([value]) => (value!.includes('%') && !value!.includes('%%') ? undefined : unescape(value!).replaceAll('%%', '%')));
  if (/^%s(?:\\n)?$/.test(format.value)) return wordLines(rest, (values) => values.join('\n'));
  return wordLines(rest, () => undefined);
}

/** Lines made from words; unknown (one undefined line) when any word is. All lines map to the first word. */
function wordLines(words: ShellWord[], join: (values: string[]) => string | undefined): KnownLines | undefined {
  const first = words[0];
  if (!first) return undefined;
  const quote = /^["']/.test(first.raw) ? 1 : 0;
  const origin: LineOrigin = { line: first.span.line, columnOffset: first.span.column - 1 + quote };
  const values = words.map((word) => word.value);
  const text = values.every((value) => value !== undefined) ? join(values as string[]) : undefined;
  const lines = text === undefined ? [undefined] : text.replace(/\n$/, '').split('\n');
  return { lines, origins: lines.map(() => origin) };
}

/** echo -e / printf escapes that matter for line structure. */
function unescape(text: string): string {
  return text.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}
