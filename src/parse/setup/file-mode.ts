/**
 * A chmod(1) mode, octal (`0600`) or symbolic (`u=rw,go=`, `go-w`, `a+x`), as the bits it surely
 * sets and surely clears: a relative change leaves the others as they were, which setup code does
 * not show. A who-less `+w` depends on the umask, so it is counted as setting nothing.
 */
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
