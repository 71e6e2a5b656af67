/**
 * Paths as OpenSSH expands them: `~` (misc.c `tilde_expand_filename`) and percent tokens
 * (misc.c `percent_expand`). Which account `~` means differs: sshd expands AuthorizedKeysFile
 * and TrustedUserCAKeys when it reads its configuration, as root; ChrootDirectory, ssh's
 * IdentityFile and a shell expand it for the user. Homes are the conventional ones.
 */

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** `~` or `~/…`: the home of whoever expands it, not of a named user. */
export function isOwnHome(path: string): boolean {
  return /^~(?:\/|$)/.test(path);
}

/** `~` and `~/…` as the home of `self` (whose uid expands it), `~name/…` as name's; other paths unchanged. */
export function expandTilde(path: string, self: string): string {
  if (!path.startsWith('~')) return path;
  const slash = path.indexOf('/');
  const name = isOwnHome(path) ? self : path.slice(1, slash === -1 ? undefined : slash);
  return homeOf(name) + (slash === -1 ? '' : path.slice(slash));
}

/** `%%` and the given tokens (`{ u: 'deploy' }` for `%u`) replaced; undefined when another token (`%U`, the uid) leaves the path unknown. */
export function expandTokens(path: string, tokens: Readonly<Record<string, string>>): string | undefined {
  let unknown = false;
  const expanded = path.replace(/%(.?)/g, (_, token: string) => {
    if (token === '%') return '%';
    const value = tokens[token];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : expanded;
}
