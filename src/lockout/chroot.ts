/**
 * ChrootDirectory as sshd applies it after authentication (session.c `safely_chroot`): every
 * component of the path, from `/` down, must be owned by root and writable by neither group nor
 * others, or sshd ends the session with "bad ownership or modes for chroot directory": the key
 * is accepted, the login still fails. The modes come from the setup code; ownership is not
 * modelled, so a path under the user's own home (owned by the user, as useradd makes it) is unknown.
 */
import { writablePaths } from './file-modes.js';
import { across, label, relatedTo, type Check } from './checks.js';
import { expandTilde, expandTokens, homeOf } from './expand-path.js';
import type { KeySource } from './installed-keys.js';
import type { UserSettings } from './server-view.js';

/** The chroot path for `user` (tilde_expand_filename, then %h %u %%); undefined when unknown (%U, relative). */
function chrootPath(value: string, user: string): string | undefined {
  const path = expandTokens(expandTilde(value, user), { u: user, h: homeOf(user) });
  return path === undefined || !path.startsWith('/') ? undefined : path.replace(/\/+$/, '') || '/';
}

/** `/`, `/srv`, `/srv/sftp`, … : the components safely_chroot checks. */
function components(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '');
  return ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
}

export function chrootChecks(view: UserSettings, release: string, source: KeySource): Check {
  return across(view, release, 'ChrootDirectory', (values, setting) => {
    if (!setting || values[0]?.toLowerCase() === 'none') return 'ok';
    const path = chrootPath(values[0]!, view.user);
    if (path === undefined) return { unknown: `ChrootDirectory ${values[0]} for ${view.user} is not known` };
    const checked = components(path);
    const bad = writablePaths(checked, source.setups)[0];
    if (bad) {
      const who = bad.writable === 'others' ? 'others' : 'its group';
      return {
        family: 'session-refused',
        at: bad.place,
        reason: `\`${bad.setting.written}\` makes ${bad.path} writable by ${who}, and ${label(setting)} chroots ${view.user} into ${path}, which sshd allows only when every directory on the way is root-owned and writable by root alone`,
        error: `sshd accepts the key, then ends the session: it logs "fatal: bad ownership or modes for chroot directory ${bad.path === path ? '' : 'component '}${bad.path === '/' || bad.path === path ? bad.path : `${bad.path}/`}" and the client sees "client_loop: send disconnect: Broken pipe" (sftp: "Connection closed")`,
        fix: `Make ${bad.path} mode 755 and owned by root (\`chown root:root ${bad.path} && chmod 755 ${bad.path}\`); give ${view.user} a writable directory inside the chroot instead.`,
        chain: [relatedTo(setting.directive, 'ChrootDirectory')],
      };
    }
    const home = homeOf(view.user);
    // A home belongs to its user (ownership is not modelled): sshd refuses it unless the setup code made it root's.
    if (view.user !== 'root' && checked.includes(home)) return { unknown: `ChrootDirectory ${path} includes ${home}, whose owner is not known` };
    return 'ok';
  });
}
