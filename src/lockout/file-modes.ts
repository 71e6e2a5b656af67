/**
 * StrictModes as sshd applies it to an authorized_keys file (misc.c `safe_path`, through
 * auth2-pubkeyfile.c `auth_openfile`): the file and every directory above it, up to the user's
 * home or `/`, must not be writable by others, and (upstream) not by the group. Debian and
 * Ubuntu patch the group check: group-writable passes when the group's only member is the
 * owner (a user-private group, the Debian default) — so on the build sshlint targets only
 * "writable by others" is certain to be refused; group-writable depends on /etc/group.
 *
 * The modes come from the setup code (`chmod`, `install -m`, Ansible `mode:`); paths it does not
 * touch keep the modes a checkout or `authorized_key` gives them (644/755, 600/700), which pass.
 */
import type { SetupFileModel, ModeSetting } from '../parse/setup/setup-model.js';
import { homeOf, resolveTargetPath, type Place } from './installed-keys.js';

export type ModeVerdict =
  | { safe: true }
  /** `certain`: refused on every build; otherwise only where group-writable is refused (upstream, RHEL). */
  | { safe: false; certain: boolean; path: string; setting: ModeSetting; place: Place };

/** The paths sshd checks for `file`: the file, then each directory up to the home (inclusive) or `/`. */
export function checkedPaths(file: string, home: string): string[] {
  const paths = [file];
  let current = file;
  while (current !== home && current !== '/' && current.includes('/')) {
    current = current.slice(0, current.lastIndexOf('/')) || '/';
    paths.push(current);
  }
  return paths;
}

type Writable = 'others' | 'group' | 'no' | 'unknown';

/** Who may write after the setting: from the octal mode, or from a symbolic mode that sets `w` for others explicitly. */
function writableBy(setting: ModeSetting): Writable {
  if (setting.mode !== undefined) return setting.mode & 0o002 ? 'others' : setting.mode & 0o020 ? 'group' : 'no';
  // `o+w`, `a+w`, `go=rwx`: certain whatever the old mode (a bare `+w` goes through the umask).
  const others = setting.written.split(',').some((clause) => {
    const match = /^([ugoa]*)[+=]([rwxXst]*)$/.exec(clause);
    return match !== null && /[oa]/.test(match[1]!) && match[2]!.includes('w');
  });
  return others ? 'others' : 'unknown';
}

/**
 * The verdict on `file` for `user` under StrictModes: the last mode the setup code gives each
 * checked path (a recursive one covers what is below it). Settings whose path cannot be
 * resolved are ignored; so are settings in files that disagree with each other.
 */
export function strictModesVerdict(file: string, user: string, setups: readonly SetupFileModel[]): ModeVerdict {
  const paths = checkedPaths(file, homeOf(user));
  for (const setup of setups) {
    const users = new Set(setup.installations.flatMap((installation) => (installation.user === undefined ? [] : [installation.user])));
    const homeUser = users.size === 1 ? [...users][0] : undefined;
    const last = new Map<string, ModeSetting>();
    for (const setting of setup.modes) {
      const target = resolveTargetPath(setting.target, homeUser);
      if (target === undefined) continue;
      for (const path of paths) {
        if (path === target || (setting.recursive && path.startsWith(target === '/' ? '/' : `${target}/`))) last.set(path, setting);
      }
    }
    for (const path of paths) {
      const setting = last.get(path);
      if (!setting) continue;
      const writable = writableBy(setting);
      if (writable === 'others' || writable === 'group') {
        return { safe: false, certain: writable === 'others', path, setting, place: { file: setup.source.path, span: setting.span } };
      }
    }
  }
  return { safe: true };
}
