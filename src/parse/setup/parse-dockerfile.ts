/**
 * A Dockerfile (or Containerfile): RUN in shell form (continuations, heredocs) and exec form,
 * COPY/ADD (what goes into the image, `--chmod`, heredoc files), ENV. Each instruction is read
 * with the shell lexer, which also gives Docker's `${VAR}` substitution as an unknown value.
 * Comment lines inside a continued instruction are dropped, as Docker drops them.
 */
import type { SourceFile } from '../../core/source.js';
import type { LineOrigin, SetupFileModel, ShellCommand, ShellWord } from './setup-model.js';
import { emptySetupModel } from './setup-model.js';
import { knownBits, parseMode } from './file-mode.js';
import { addShellFacts } from './shell-facts.js';
import { shellCommands } from './shell/shell-commands.js';
import { shellText } from './shell/shell-text.js';
import { pushAll } from '../../core/collections.js';

/** A COPY or ADD: its sources (as written) and destination. */
export interface ImageCopy {
  instruction: 'COPY' | 'ADD';
  sources: ShellWord[];
  destination: ShellWord;
  /** `--from=stage`: copied from another stage or image, not from the build context. */
  fromStage: boolean;
}

interface Instruction {
  keyword: string;
  text: string;
  origins: LineOrigin[];
}

/** After the keyword, RUN's own flags (`--mount=type=ssh`, `--network=none`) precede the command. */
const RUN_PREFIX = /^(?:[ \t]+--\S+)*/;
const HEREDOC = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g;

export function parseDockerfile(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('dockerfile', source);
  const commands: ShellCommand[] = [];
  const copies: ImageCopy[] = [];
  for (const instruction of instructions(source)) {
    const lexed = shellCommands(shellText(blank(instruction.text, instruction.keyword === 'RUN' ? RUN_PREFIX : /^/), instruction.origins));
    const first = lexed[0];
    if (!first) continue;
    if (instruction.keyword === 'RUN') pushAll(commands, runCommands(lexed, first));
    // `ENV A=1 B="x y"` lexes as assignments already (the legacy `ENV A value` form is not read).
    else if (instruction.keyword === 'ENV') commands.push({ words: [], assignments: first.assignments, redirects: [] });
    else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
      const copy = imageCopy(instruction, first);
      if (!copy) continue;
      copies.push(copy);
      pushAll(commands, copyCommands(model, copy, first));
    }
  }
  addShellFacts(model, commands);
  model.imageCopies = copies;
  return model;
}

function imageCopy(instruction: Instruction, command: ShellCommand): ImageCopy | undefined {
  const words = command.words;
  const flags = words.filter((word) => word.text.startsWith('--'));
  const paths = words.filter((word) => !word.text.startsWith('--'));
  const destination = paths.at(-1);
  if (!destination || words[0]?.text.startsWith('[')) return undefined;
  return {
    instruction: instruction.keyword as ImageCopy['instruction'],
    sources: paths.slice(0, -1),
    destination,
    fromStage: flags.some((flag) => flag.text.startsWith('--from=')),
  };
}

/**
 * A COPY as the shell commands it amounts to: `COPY <<EOF dest` writes the heredoc, `COPY src
 * dest` copies a repository file, `--chmod` sets a mode; so key installations and modes come out
 * as for scripts.
 */
function copyCommands(model: SetupFileModel, copy: ImageCopy, command: ShellCommand): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const word = (value: string, at: ShellWord): ShellWord => ({ value, raw: value, text: value, span: at.span });
  const heredoc = command.redirects.find((redirect) => redirect.body);
  if (heredoc) {
    commands.push({ words: [word('cat', copy.destination)], assignments: [], redirects: [heredoc, { operator: '>', target: copy.destination }] });
  } else if (copy.sources.length === 1 && !copy.fromStage) {
    commands.push({ words: [word('cp', copy.destination), copy.sources[0]!, copy.destination], assignments: [], redirects: [] });
  }
  const chmod = command.words.find((flag) => flag.text.startsWith('--chmod='));
  const written = chmod?.value?.slice('--chmod='.length);
  const change = written === undefined ? undefined : parseMode(written);
  if (written !== undefined && change) {
    model.modes.push({ target: copy.destination.text, ...knownBits(change), written, recursive: copy.destination.text.endsWith('/'), span: chmod!.span });
  }
  return commands;
}

function runCommands(lexed: ShellCommand[], first: ShellCommand): ShellCommand[] {
  // `RUN <<EOF` (BuildKit): the heredoc is the script.
  const script = first.words.length === 0 ? first.redirects.find((redirect) => redirect.body)?.body : undefined;
  if (script) {
    const text = script.lines.map((line) => line ?? '').join('\n');
    return shellCommands(shellText(text, script.origins));
  }
  const exec = execForm(first);
  return exec ? [exec, ...lexed.slice(1)] : lexed;
}

/** `RUN ["ssh", "-o", "…"]`: JSON words, each placed at the instruction (exec form has no shell). */
function execForm(first: ShellCommand): ShellCommand | undefined {
  const raw = first.words.map((word) => word.raw).join(' ');
  if (!raw.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) return undefined;
  const span = first.words[0]!.span;
  return { words: parsed.map((value: string) => ({ value, raw: JSON.stringify(value), text: value, span })), assignments: [], redirects: [] };
}

/** The instruction's text with its keyword (and what `after` matches next) turned into spaces, so positions stay. */
function blank(text: string, after: RegExp): string {
  const keyword = /^\s*[A-Za-z]+/.exec(text)![0];
  const rest = after.exec(text.slice(keyword.length))?.[0] ?? '';
  return ' '.repeat(keyword.length + rest.length) + text.slice(keyword.length + rest.length);
}

/** The instructions with their continuation lines and heredoc bodies. */
function instructions(source: SourceFile): Instruction[] {
  const found: Instruction[] = [];
  const lines = source.lines;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.text;
    const keyword = /^\s*([A-Za-z]+)\b/.exec(first)?.[1]?.toUpperCase();
    if (!keyword || /^\s*#/.test(first)) continue;
    const texts = [first];
    const origins: LineOrigin[] = [{ line: i + 1, columnOffset: 0 }];
    while (/\\\s*$/.test(texts.at(-1)!) && i + 1 < lines.length) {
      i++;
      // Docker drops comment lines inside a continued instruction (blank lines too).
      if (/^\s*(?:#.*)?$/.test(lines[i]!.text)) continue;
      texts.push(lines[i]!.text.replace(/\\\s+$/, '\\'));
      origins.push({ line: i + 1, columnOffset: 0 });
    }
    for (const [, delimiter] of texts.join('\n').matchAll(HEREDOC)) {
      while (i + 1 < lines.length) {
        i++;
        texts.push(lines[i]!.text);
        origins.push({ line: i + 1, columnOffset: 0 });
        if (lines[i]!.text.replace(/^\t+/, '') === delimiter) break;
      }
    }
    texts[0] = texts[0]!.replace(/\\\s+$/, '\\');
    found.push({ keyword, text: texts.join('\n'), origins });
  }
  return found;
}
