/**
 * File modes as setup code sets them. chmod(1) and Dockerfile `--chmod` take octal (`0600`) or
 * symbolic (`u=rw,go=`, `go-w`) modes; a relative change leaves the other bits as they were, which
 * the code does not show, so a mode is the bits it surely sets and surely clears. Ansible (`mode:`)
 * and cloud-init (`permissions:`) take a YAML integer as the mode itself and parse a string as
 * octal (Python `int(text, 8)`), so with PyYAML's YAML 1.1 `0644` is octal 420 but an unquoted
 * `644` is decimal 644, which is 0o1204; Ansible also accepts symbolic modes.
 */
import { isScalar, type Node } from 'yaml';
import { isTemplated } from './yaml-source.js';

/** What a chmod-style mode does to the permission bits. */
export interface ModeChange {
  /** Permission bits the change surely turns on. */
  set: number;
  /** Permission bits it surely turns off. */
  cleared: number;
  /** The resulting mode, when every permission bit is decided. */
  mode: number | undefined;
}

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };
const PERMISSION: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, s: 0o6000, t: 0o1000 };
const SYMBOLIC = /^[ugoa]*(?:[-+=][rwxXstugo]*)+$/;

/** A chmod mode; a who-less `+w` goes through the umask, so it counts as setting nothing. */
export function parseMode(written: string): ModeChange | undefined {
  if (/^[0-7]{1,4}$/.test(written)) {
    const mode = parseInt(written, 8);
    return { set: mode, cleared: ~mode & 0o7777, mode };
  }
  let set = 0;
  let cleared = 0;
  for (const clause of written.split(',')) {
    if (!SYMBOLIC.test(clause)) return undefined;
    const who = /^[ugoa]*/.exec(clause)![0];
    const mask = who === '' ? undefined : [...who].reduce((bits, c) => bits | WHO[c]!, 0);
    for (const [, op, perms] of clause.slice(who.length).matchAll(/([-+=])([rwxXstugo]*)/g)) {
      const bits = [...perms!].reduce((sum, c) => sum | (PERMISSION[c] ?? 0), 0);
      if (op === '-') {
        cleared |= bits & (mask ?? 0o7777);
        set &= ~(bits & (mask ?? 0o7777));
      } else if (mask !== undefined) {
        if (op === '=') {
          cleared |= mask & ~bits;
          set &= ~mask;
        }
        set |= bits & mask;
        cleared &= ~(bits & mask);
      }
    }
  }
  const mode = ((set | cleared) & 0o777) === 0o777 ? set : undefined;
  return { set, cleared, mode };
}

export interface ParsedMode {
  /** The resulting bits; undefined when they depend on the old mode, a template or the umask. */
  mode: number | undefined;
  /** The mode as written (without quotes). */
  written: string;
  /** Bits certainly turned on when `mode` is unknown (`g+w`). */
  setBits?: number;
  /** Bits certainly turned off when `mode` is unknown (`go-rwx`). */
  clearedBits?: number;
}

/** What a parsed chmod mode tells for sure: the whole mode, or the bits it surely sets and clears. */
export function knownBits(change: ModeChange): Pick<ParsedMode, 'mode' | 'setBits' | 'clearedBits'> {
  if (change.mode !== undefined) return { mode: change.mode };
  return { mode: undefined, ...(change.set !== 0 ? { setBits: change.set } : {}), ...(change.cleared !== 0 ? { clearedBits: change.cleared } : {}) };
}

const ALL_BITS = 0o7777;

/** Python's `int(text, 8)`: optional sign-free `0o` prefix, digits with single underscores between, blanks around. */
function pythonOctal(text: string): number | undefined {
  const match = /^\s*(?:0o)?([0-7](?:_?[0-7])*)\s*$/i.exec(text);
  return match ? parseInt(match[1]!.replace(/_/g, ''), 8) : undefined;
}

/** The mode a YAML node sets, or undefined when the node is no scalar. `symbolic`: Ansible also reads `u=rw,g=r`. */
export function parseModeNode(node: Node | undefined, symbolic: boolean): ParsedMode | undefined {
  if (!isScalar(node)) return undefined;
  const written = String(node.source ?? node.value);
  if (typeof node.value === 'number') return Number.isInteger(node.value) ? { mode: node.value & ALL_BITS, written } : { mode: undefined, written };
  if (typeof node.value !== 'string' || isTemplated(node.value)) return { mode: undefined, written };
  return parseModeText(node.value, symbolic);
}

/** A mode given as text (a YAML string, or `mode=0644` in Ansible's free-form arguments). */
export function parseModeText(text: string, symbolic: boolean): ParsedMode {
  if (isTemplated(text)) return { mode: undefined, written: text };
  const octal = pythonOctal(text);
  if (octal !== undefined) return { mode: octal & ALL_BITS, written: text };
  const change = symbolic ? parseMode(text.trim()) : undefined;
  if (!change) return { mode: undefined, written: text };
  return { written: text, ...knownBits(change) };
}

/** `0o1204` → `0o1204 (-w----r-T)`, as `ls -l` shows the bits. */
export function describeMode(mode: number): string {
  const letters = ['r', 'w', 'x'];
  let text = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    for (let bit = 0; bit < 3; bit++) text += mode & (0o4 >> bit) << shift ? letters[bit] : '-';
  }
  const special = (index: number, flag: number, lower: string): void => {
    if (!(mode & flag)) return;
    const executable = text[index] === 'x';
    text = text.slice(0, index) + (executable ? lower : lower.toUpperCase()) + text.slice(index + 1);
  };
  special(2, 0o4000, 's');
  special(5, 0o2000, 's');
  special(8, 0o1000, 't');
  return `0${mode.toString(8).padStart(3, '0')} (${text})`;
}
