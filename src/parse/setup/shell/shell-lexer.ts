/**
 * A tolerant POSIX/bash lexer that turns a script into the simple commands it runs, with exact
 * positions. Control structures (if/for/while/case, subshells, braces, functions) are flattened:
 * their bodies' commands are listed in order and their keywords dropped. Command substitutions
 * are lexed too (their commands run); the word holding one is unknown.
 *
 * Hand-written rather than a library: the maintained parser with positions, mvdan/sh, ships for
 * Node as a WASM module loaded from a file beside it and parsed asynchronously (`sh-syntax`) or as
 * a deprecated 1.5 MB GopherJS build (`mvdan-sh`), neither of which bundles into a self-contained
 * dist/cli.js; and both reject a whole file at its first syntax error, while setup code is routinely
 * templated (`${{ … }}`, make `$(VAR)`, Jinja) and only needs to be read word by word. This lexer
 * never throws and always advances, so any input ends.
 */
import type { HeredocBody, ShellCommand, ShellRedirect, ShellWord } from '../setup-model.js';
import { DROPPED_CHAR, PositionMap, UNKNOWN_CHAR, type ShellText } from './shell-text.js';
import { pushAll } from '../../../core/collections.js';

/** Words that open or close a compound command at the start of a command; dropped when flattening. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '{', '}', '!', 'time', 'esac', 'in']);
/** Reserved words whose following words up to the next separator are a header, not a command. */
const HEADERS = new Set(['for', 'select', 'case', 'function']);
/** `NAME=`, `NAME+=`, `NAME[i]=`: group 1 is the name. */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?=/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[@*#?$!0-9-]/;
/** Recursion guard for nested substitutions (`$( $( $( … ) ) )`). */
const MAX_DEPTH = 64;

interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  stripTabs: boolean;
  expands: boolean;
}

interface Building {
  command: ShellCommand;
  /** Header words (`for x in …`): the command is dropped at the next separator. */
  header: boolean;
}

interface WordParts {
  value: string;
  text: string;
  unknown: boolean;
}

export function lexShell(text: ShellText): ShellCommand[] {
  const lexer = new Lexer(text.masked, text.original, new PositionMap(text), 0);
  lexer.list(0);
  return lexer.commands;
}

class Lexer {
  readonly commands: ShellCommand[] = [];
  private pending: PendingHeredoc[] = [];

  /** `s` (masked) and `o` (original) may be cut short to bound a nested lexer; offsets stay those of the whole text. */
  constructor(
    private readonly s: string,
    private readonly o: string,
    private readonly positions: PositionMap,
    private pos: number,
  ) {}

  /** Reads commands until the end, or (depth > 0) until the `)` closing a `$(`, which it consumes. */
  list(depth: number): void {
    let current = newCommand();
    let parens = 0;
    const finish = (pipeTo: boolean): void => {
      const next = newCommand();
      if (!current.header && (current.command.words.length > 0 || current.command.assignments.length > 0 || current.command.redirects.length > 0)) {
        this.commands.push(current.command);
        if (pipeTo) current.command.pipedTo = next.command;
      }
      current = next;
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === DROPPED_CHAR) {
        this.pos++;
      } else if (c === '\\' && this.s[this.pos + 1] === '\n') {
        this.pos += 2;
      } else if (c === '#') {
        while (this.pos < this.s.length && this.s[this.pos] !== '\n') this.pos++;
      } else if (c === '\n') {
        this.pos++;
        finish(false);
        this.readHeredocBodies();
      } else if (c === ';' || c === '&' || c === '|') {
        const pipe = c === '|' && this.s[this.pos + 1] !== '|';
        this.pos += this.s.startsWith(';;&', this.pos) ? 3 : /^(?:;;|;&|&&|\|\||\|&)/.test(this.s.slice(this.pos, this.pos + 2)) ? 2 : 1;
        if (c === '&' && this.s[this.pos] === '>') {
          // `&>file`: a redirection, not a separator.
          this.redirect(current.command, '&');
          continue;
        }
        finish(pipe);
      } else if (c === '(') {
        this.pos++;
        if (current.command.words.length > 0 && /^\s*\)/.test(this.s.slice(this.pos, this.pos + 64))) {
          // `name() {`: a function definition; its name is not a command.
          this.pos = this.s.indexOf(')', this.pos) + 1;
          current = newCommand();
        } else {
          finish(false);
          parens++;
        }
      } else if (c === ')') {
        this.pos++;
        if (parens > 0) {
          parens--;
          finish(false);
        } else if (depth > 0) {
          finish(false);
          return;
        } else {
          // A `case` pattern (`a|b)`): what came before it, pipes included, was the pattern.
          let pattern: ShellCommand = current.command;
          while (this.commands.at(-1)?.pipedTo === pattern) pattern = this.commands.pop()!;
          current = newCommand();
        }
      } else if (c === '<' || c === '>') {
        if (this.s[this.pos + 1] === '(') {
          this.addWord(current, this.processSubstitution(depth));
        } else {
          this.redirect(current.command, '');
        }
      } else {
        const start = this.pos;
        const word = this.word(depth);
        if (/^\d+$/.test(word.raw) && (this.s[this.pos] === '<' || this.s[this.pos] === '>')) {
          this.redirect(current.command, word.raw);
        } else if (this.pos === start) {
          this.pos++; // never stall on a character no branch consumes
        } else {
          this.addWord(current, word);
        }
      }
    }
    finish(false);
  }

  private addWord(current: Building, word: ShellWord): void {
    const { command } = current;
    if (current.header && word.value === '{') {
      // `function name {`: the body starts here.
      current.header = false;
      command.words = [];
      return;
    }
    if (command.words.length === 0 && !current.header) {
      const assignment = ASSIGNMENT.exec(word.raw);
      if (assignment) {
        command.assignments.push({ name: assignment[1]!, value: this.suffix(word, assignment[0].length) });
        return;
      }
      if (command.assignments.length === 0 && command.redirects.length === 0 && word.value !== undefined) {
        if (RESERVED.has(word.value)) return;
        if (HEADERS.has(word.value)) {
          current.header = true;
          return;
        }
      }
    }
    command.words.push(word);
  }

  /** The part of an unquoted-prefix word after its first `length` characters (an assignment's value). */
  private suffix(word: ShellWord, length: number): ShellWord {
    const startOffset = this.offsetOf(word) + length;
    return {
      value: word.value?.slice(length),
      raw: word.raw.slice(length),
      text: word.text.slice(length),
      span: this.positions.span(startOffset, startOffset + word.raw.length - length),
    };
  }

  private readonly wordOffsets = new WeakMap<ShellWord, number>();

  private offsetOf(word: ShellWord): number {
    return this.wordOffsets.get(word) ?? 0;
  }

  private makeWord(start: number, parts: WordParts): ShellWord {
    const word: ShellWord = {
      value: parts.unknown ? undefined : parts.value,
      raw: this.o.slice(start, this.pos),
      text: parts.text,
      span: this.positions.span(start, this.pos),
    };
    this.wordOffsets.set(word, start);
    return word;
  }

  /** One word from the current position, quotes removed. */
  private word(depth: number): ShellWord {
    const start = this.pos;
    const parts: WordParts = { value: '', text: '', unknown: false };
    const add = (value: string, text = value): void => {
      parts.value += value;
      parts.text += text;
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (' \t\r\n;&|<>)'.includes(c)) break;
      if (c === '(') {
        // `NAME=(a b)`: an array assignment, whose value is not a plain word.
        if (!/^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(this.o.slice(start, this.pos))) break;
        const from = this.pos;
        this.skipBalanced('(', ')');
        parts.unknown = true;
        parts.text += this.o.slice(from, this.pos);
        continue;
      }
      if (c === '\\') {
        if (this.s[this.pos + 1] === '\n') this.pos += 2;
        else {
          this.literal(parts, this.pos + 1, this.pos + 2);
          this.pos += 2;
        }
      } else if (c === "'") {
        const end = this.find("'", this.pos + 1);
        this.literal(parts, this.pos + 1, end);
        this.pos = Math.min(end + 1, this.s.length);
      } else if (c === '$' && this.s[this.pos + 1] === "'") {
        this.pos += 2;
        add(this.ansiC(parts));
      } else if (c === '"') {
        this.pos++;
        this.doubleQuoted(parts, depth);
      } else if (c === '$' || c === '`') {
        this.expansion(parts, depth);
      } else {
        this.literal(parts, this.pos, this.pos + 1);
        this.pos++;
      }
    }
    return this.makeWord(start, parts);
  }

  /** Characters taken as they are (masked ones make the word unknown or vanish). */
  private literal(parts: WordParts, from: number, to: number): void {
    for (let i = from; i < Math.min(to, this.s.length); i++) {
      const c = this.s[i]!;
      if (c === DROPPED_CHAR) continue;
      if (c === UNKNOWN_CHAR) parts.unknown = true;
      parts.value += c;
      parts.text += this.o[i]!;
    }
  }

  private doubleQuoted(parts: WordParts, depth: number): void {
    while (this.pos < this.s.length && this.s[this.pos] !== '"') {
      const c = this.s[this.pos]!;
      if (c === '\\' && '$`"\\\n'.includes(this.s[this.pos + 1] ?? '')) {
        if (this.s[this.pos + 1] !== '\n') this.literal(parts, this.pos + 1, this.pos + 2);
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        this.expansion(parts, depth);
      } else {
        this.literal(parts, this.pos, this.pos + 1);
        this.pos++;
      }
    }
    this.pos++;
  }

  /** `$name`, `${…}`, `$(…)`, `$((…))`, `` `…` ``: the word becomes unknown; a lone `$` is literal. */
  private expansion(parts: WordParts, depth: number): void {
    const start = this.pos;
    const next = this.s[this.pos + 1] ?? '';
    if (this.s[this.pos] === '`') {
      const end = this.find('`', this.pos + 1, true);
      this.nested(this.pos + 1, end, depth);
      this.pos = Math.min(end + 1, this.s.length);
    } else if (next === '(' && this.s[this.pos + 2] === '(') {
      this.pos += 1;
      this.skipBalanced('(', ')');
    } else if (next === '(') {
      this.pos += 2;
      if (depth < MAX_DEPTH) this.list(depth + 1);
      else this.skipBalanced('(', ')', 1);
    } else if (next === '{') {
      this.pos += 1;
      this.skipBalanced('{', '}');
    } else if (NAME_CHAR.test(next) && !/[0-9]/.test(next)) {
      this.pos += 1;
      while (this.pos < this.s.length && NAME_CHAR.test(this.s[this.pos]!)) this.pos++;
    } else if (SPECIAL_PARAMETER.test(next) && next !== '') {
      this.pos += 2;
    } else {
      this.literal(parts, this.pos, this.pos + 1);
      this.pos++;
      return;
    }
    parts.unknown = true;
    parts.text += this.o.slice(start, this.pos);
  }

  /** Lexes `` `…` `` (bounded) with a lexer of its own; its commands join this one's. */
  private nested(from: number, to: number, depth: number): void {
    if (depth >= MAX_DEPTH || to <= from) return;
    const inner = new Lexer(this.s.slice(0, to), this.o.slice(0, to), this.positions, from);
    inner.list(0);
    pushAll(this.commands, inner.commands);
  }

  /** `<(…)` / `>(…)`: the commands run; the word (a /dev/fd path) is unknown. */
  private processSubstitution(depth: number): ShellWord {
    const start = this.pos;
    this.pos += 2;
    if (depth < MAX_DEPTH) this.list(depth + 1);
    else this.skipBalanced('(', ')', 1);
    return this.makeWord(start, { value: '', text: this.o.slice(start, this.pos), unknown: true });
  }

  /** `$'…'` (bash ANSI-C quoting), decoded; the position is after `$'`. */
  private ansiC(parts: WordParts): string {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    let value = '';
    while (this.pos < this.s.length && this.s[this.pos] !== "'") {
      const c = this.s[this.pos]!;
      if (c === UNKNOWN_CHAR) parts.unknown = true;
      if (c !== '\\') {
        value += c;
        this.pos++;
        continue;
      }
      const escape = this.s[this.pos + 1] ?? '';
      const hex = /^x([0-9a-fA-F]{1,2})/.exec(this.s.slice(this.pos + 1, this.pos + 4));
      const octal = /^[0-7]{1,3}/.exec(this.s.slice(this.pos + 1, this.pos + 4));
      if (hex) {
        value += String.fromCharCode(parseInt(hex[1]!, 16));
        this.pos += 1 + hex[0].length;
      } else if (octal) {
        value += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
        this.pos += 1 + octal[0].length;
      } else {
        value += simple[escape] ?? `\\${escape}`;
        this.pos += 2;
      }
    }
    this.pos++;
    return value;
  }

  /** The index of the next unescaped `char` from `from`, or the end. */
  private find(char: string, from: number, escapes = false): number {
    for (let i = from; i < this.s.length; i++) {
      if (escapes && this.s[i] === '\\') i++;
      else if (this.s[i] === char) return i;
    }
    return this.s.length;
  }

  /** Skips from an opening bracket (or, with `open` > 0, from inside) to its match, stepping over quotes. */
  private skipBalanced(openChar: string, closeChar: string, open = 0): void {
    let level = open;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '\\') this.pos++;
      else if (c === "'" && openChar === '(') this.pos = this.find("'", this.pos + 1);
      else if (c === '"') this.pos = this.find('"', this.pos + 1, true);
      else if (c === openChar) level++;
      else if (c === closeChar && --level <= 0) {
        this.pos++;
        return;
      }
      this.pos++;
    }
  }

  /** A redirection at the current position (after its file descriptor, `prefix`). */
  private redirect(command: ShellCommand, prefix: string): void {
    const operator = /^(?:<<<|<<-|<<|<>|<&|<|>>|>\||>&|>|&>>|&>)/.exec(this.s.slice(this.pos, this.pos + 3))?.[0] ?? this.s[this.pos]!;
    this.pos += operator.length;
    while (this.s[this.pos] === ' ' || this.s[this.pos] === '\t') this.pos++;
    const target = this.word(MAX_DEPTH);
    const redirect: ShellRedirect = { operator: prefix + operator, target };
    command.redirects.push(redirect);
    if (operator === '<<' || operator === '<<-') {
      this.pending.push({
        redirect,
        delimiter: target.text.replace(/\\/g, ''),
        stripTabs: operator === '<<-',
        expands: !/["'\\]/.test(target.raw),
      });
    }
  }

  /** After a newline: the bodies of the heredocs started on the line before, in order. */
  private readHeredocBodies(): void {
    const pending = this.pending;
    this.pending = [];
    for (const heredoc of pending) heredoc.redirect.body = this.heredocBody(heredoc);
  }

  private heredocBody(heredoc: PendingHeredoc): HeredocBody {
    const body: HeredocBody = { lines: [], origins: [] };
    while (this.pos < this.s.length) {
      const lineEnd = this.find('\n', this.pos);
      let from = this.pos;
      if (heredoc.stripTabs) while (this.s[from] === '\t') from++;
      const masked = this.s.slice(from, lineEnd).replace(/\r$/, '');
      this.pos = Math.min(lineEnd + 1, this.s.length);
      if (masked === heredoc.delimiter) return body;
      const index = this.positions.lineIndex(from);
      const origin = this.positions.origin(index);
      body.origins.push({ line: origin.line, columnOffset: origin.columnOffset + from - this.positions.lineStart(index) });
      body.lines.push(bodyLine(masked, heredoc.expands));
    }
    return body;
  }
}

function newCommand(): Building {
  return { command: { words: [], assignments: [], redirects: [] }, header: false };
}

/** A heredoc line as the command receives it; undefined when an expansion makes it unknown. */
function bodyLine(masked: string, expands: boolean): string | undefined {
  if (masked.includes(UNKNOWN_CHAR)) return undefined;
  const line = masked.replaceAll(DROPPED_CHAR, '');
  if (!expands) return line;
  if (/(?:^|[^\\])(?:\\\\)*(?:\$[A-Za-z_{(0-9@*#?!$-]|`)/.test(line)) return undefined;
  return line.replace(/\\([$`\\])/g, '$1');
}
