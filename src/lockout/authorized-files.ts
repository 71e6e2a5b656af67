/**
 * Whether sshd reads an authorized-keys file the repository installs: AuthorizedKeysFile must
 * name it for the user (auth2-pubkeyfile.c), and StrictModes must accept its modes and those of
 * the directories above it (misc.c `safe_path`).
 */
import { strictModesVerdict } from './file-modes.js';
import { expandTilde, expandTokens, homeOf, isOwnHome } from './expand-path.js';
import type { KeySource } from './installed-keys.js';
import { across, DENIED, label, placeOf, relatedTo, type Check } from './checks.js';
import type { UserSettings } from './server-view.js';

/** AuthorizedKeysFile patterns as sshd expands them for `user` (`~` at parse time, for root: servconf.c `tilde_expand_filename(arg, getuid())`). */
function authorizedKeysPaths(patterns: readonly string[], user: string): string[] | undefined {
  const paths: string[] = [];
  for (const pattern of patterns) {
    if (pattern.toLowerCase() === 'none') continue;
    const path = expandTokens(expandTilde(pattern, 'root'), { u: user, h: homeOf(user) });
    if (path === undefined) return undefined;
    paths.push(path.startsWith('/') ? path : `${homeOf(user)}/${path}`);
  }
  return paths;
}

export function keysRead(view: UserSettings, release: string, source: KeySource): Check {
  return across(view, release, 'AuthorizedKeysFile', (values, setting) => {
    const paths = authorizedKeysPaths(values, view.user);
    if (paths === undefined) return { unknown: 'AuthorizedKeysFile uses %U' };
    if (paths.includes(source.path)) return 'ok';
    const reads = paths.length === 0 ? 'no file at all (`none`)' : paths.join(' and ');
    const tilde = setting?.values.some(isOwnHome) ? ` (sshd expands \`~\` once, when it reads its configuration, to root's home, so any key in root's file can log in as ${view.user})` : '';
    const by = setting ? label(setting) : `AuthorizedKeysFile (not set: the default ${values.join(' ')})`;
    return {
      family: 'keys-not-read',
      ...(setting ? { at: placeOf(setting.directive) } : {}),
      reason: `${by} makes sshd read ${reads} for ${view.user}${tilde}, never ${source.path}`,
      error: `sshd never opens the file; the client sees ${DENIED}`,
      fix: setting ? `Use a path relative to the home (\`.ssh/authorized_keys\`) or with %u/%h, so that it names ${source.path}, or install the keys where it points.` : `Install the keys at ${homeOf(view.user)}/.ssh/authorized_keys, or set AuthorizedKeysFile to where they are.`,
      chain: [],
    };
  });
}

export function strictModes(view: UserSettings, release: string, source: KeySource): Check {
  return across(view, release, 'StrictModes', (values, setting) => {
    if (values[0]?.toLowerCase() === 'no') return 'ok';
    const verdict = strictModesVerdict(source.path, view.user, source.setups);
    if (verdict.safe) return 'ok';
    if (!verdict.certain) return { unknown: `${verdict.path} is group-writable, which Debian's sshd accepts when the group has no other member` };
    const by = setting ? label(setting) : 'StrictModes (yes by default)';
    return {
      family: 'unsafe-modes',
      at: verdict.place,
      reason: `\`${verdict.setting.written}\` makes ${verdict.path} writable by others, and ${by} makes sshd refuse ${source.path} for it`,
      error: `sshd logs "Authentication refused: bad ownership or modes for ${verdict.path === source.path ? 'file' : 'directory'} ${verdict.path}"; the client sees ${DENIED}`,
      fix: `Use mode ${verdict.path === source.path ? '600' : '700'} (or 755 for a home); never make a path sshd checks writable by others.`,
      chain: setting ? [relatedTo(setting.directive, 'StrictModes')] : [],
    };
  });
}

/** Both: sshd reads the file and trusts it. */
export function fileRead(view: UserSettings, release: string, source: KeySource): Check[] {
  return [keysRead(view, release, source), strictModes(view, release, source)];
}
