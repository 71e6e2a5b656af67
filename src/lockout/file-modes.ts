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
import { homeOf } from './expand-path.js';
import { resolveTargetPath, type Place } from './installed-keys.js';

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

export type Writable = 'others' | 'group' | 'no' | 'unknown';

/** Who may write after the setting: from the octal mode, or from bits a symbolic mode certainly sets (`o+w`, `g+w`, `a=rwx`). */
function writableBy(setting: ModeSetting): Writable {
  const bits = setting.mode ?? setting.setBits;
  if (bits === undefined) return 'unknown';
  if (bits & 0o002) return 'others';
  if (bits & 0o020) return 'group';
  return setting.mode === undefined ? 'unknown' : 'no';
}

export interface WritablePath {
  path: string;
  writable: 'others' | 'group';
  setting: ModeSetting;
  place: Place;
}

/**
 * The paths of `paths` that the setup code leaves writable by the group or others: the last
 * mode each setup file gives a path (a recursive one covers what is below it). Settings whose
 * path cannot be resolved are ignored (`~` is `user`'s home when the file installs keys for one user).
 */
export function writablePaths(paths: readonly string[], setups: readonly SetupFileModel[]): WritablePath[] {
  const found: WritablePath[] = [];
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
      const writable = setting && writableBy(setting);
      if (writable === 'others' || writable === 'group') found.push({ path, writable, setting: setting!, place: { file: setup.source.path, span: setting!.span } });
    }
  }
  return found;
}

/** The verdict on `file` for `user` under StrictModes. */
export function strictModesVerdict(file: string, user: string, setups: readonly SetupFileModel[]): ModeVerdict {
  const first = writablePaths(checkedPaths(file, homeOf(user)), setups)[0];
  return first ? { safe: false, certain: first.writable === 'others', path: first.path, setting: first.setting, place: first.place } : { safe: true };
}
