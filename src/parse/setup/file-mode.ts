/**
 * File modes as Ansible (`mode:`) and cloud-init (`permissions:`) apply them. Both take a YAML
 * integer as the mode itself and parse a string as octal (Python `int(text, 8)`), so with
 * PyYAML's YAML 1.1 `0644` is octal 420 but an unquoted `644` is decimal 644, which is 0o1204.
 * Ansible also accepts chmod-style symbolic modes, whose result may depend on the old mode.
 */
import { isScalar, type Node } from 'yaml';
import { isTemplated } from './yaml-source.js';

export interface ParsedMode {
  /** The resulting bits; undefined when they depend on the old mode, a template or the umask. */
  mode: number | undefined;
  /** The mode as written (without quotes). */
  written: string;
  /** Bits certainly turned on when `mode` is unknown (`g+w`). */
  setBits?: number;
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
  return symbolic ? { written: text, ...evaluateSymbolic(text) } : { mode: undefined, written: text };
}

const CLASS_BITS: Record<string, { r: number; w: number; x: number; special: number; specialLetter: string }> = {
  u: { r: 0o400, w: 0o200, x: 0o100, special: 0o4000, specialLetter: 's' },
  g: { r: 0o040, w: 0o020, x: 0o010, special: 0o2000, specialLetter: 's' },
  o: { r: 0o004, w: 0o002, x: 0o001, special: 0o1000, specialLetter: 't' },
};

/**
 * Ansible's `_symbolic_mode_to_octal`, tracking which bits are known: `=` fixes a class, `+`/`-`
 * fix the bits they name. An empty who (`+x`) goes through the umask and `X` or copying a class
 * (`g=u`) reads the old mode, so those leave the result unknown.
 */
function evaluateSymbolic(text: string): { mode: number | undefined; setBits?: number } {
  let known = 0;
  let value = 0;
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)((?:[-+=][rwxst]*)+)$/.exec(clause);
    if (!match || match[1] === '') return { mode: undefined };
    const classes = match[1]!.includes('a') ? 'ugo' : match[1]!;
    for (const [, operator, perms] of match[2]!.matchAll(/([-+=])([rwxst]*)/g)) {
      for (const name of classes) {
        const bits = CLASS_BITS[name]!;
        let apply = 0;
        for (const letter of perms!) {
          if (letter === 'r' || letter === 'w' || letter === 'x') apply |= bits[letter];
          else if (letter === bits.specialLetter) apply |= bits.special;
        }
        const scope = operator === '=' ? bits.r | bits.w | bits.x | bits.special : apply;
        known |= scope;
        value = operator === '-' ? value & ~apply : (value & ~(operator === '=' ? scope : 0)) | apply;
      }
    }
  }
  if ((known & 0o777) === 0o777) return { mode: value & ALL_BITS };
  return value !== 0 ? { mode: undefined, setBits: value } : { mode: undefined };
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
