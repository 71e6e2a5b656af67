/**
 * What a path written in setup code is, judged by its shape (quotes removed, `$HOME`/`~` kept):
 * the names matter, and a prefix that only the running machine knows does not.
 */
import { isUserKind, type FileKind, type UserKind } from '../../core/file-kind.js';
import { kindFromPath } from '../../discover/kinds.js';

const HOME = /^(?:~[A-Za-z0-9._-]*|\$HOME|\$\{HOME\}|\/root|\/home\/[^/]+|\/Users\/[^/]+)\/?$/;

/** The last segment, or '' when an expansion makes it unknown (`$(CreateFile /etc/ssh/x.conf)`, `key_$ENV`). */
function name(path: string): string {
  const last = path.replace(/\/+$/, '').split('/').at(-1) ?? '';
  return /[$`(){}]/.test(last) ? '' : last;
}

/**
 * The SSH file kind a write to `path` produces, whatever writes it (a shell redirection, Ansible,
 * cloud-init): sshd_config, a drop-in, ~/.ssh/config, authorized_keys, known_hosts, a `.pub` key.
 */
export function writtenFileKind(path: string): UserKind | undefined {
  if (name(path) === '') return undefined;
  const kind = kindFromPath(path.replace(/\/+$/, ''));
  return kind !== undefined && isUserKind(kind) ? kind : undefined;
}

/** A user's home directory: `~`, `$HOME`, `/root`, `/home/alice`. */
export function isHomeDirectory(path: string): boolean {
  return HOME.test(path);
}

export function isSshDirectory(path: string): boolean {
  return name(path) === '.ssh';
}

export type SshPathRole = FileKind | 'ssh_directory';

/** What a target path is to SSH: an `.ssh` directory or the kind of file its name gives; undefined for anything else. */
export function sshPathRole(path: string): SshPathRole | undefined {
  return isSshDirectory(path) ? 'ssh_directory' : kindFromPath(path.replace(/\/+$/, ''));
}

/** Inside a `.ssh` directory (what `chmod -R` on it reaches too). */
export function isInSshDirectory(path: string): boolean {
  return /(?:^|\/)\.ssh\/[^/]/.test(path);
}

/**
 * A private key by its name: ssh's `id_*` identities (not `.pub`), host keys, `*.pem`, `*.key`,
 * and names that say so (`deploy_key`, `ssh_key`, `private-key`).
 */
export function isPrivateKeyPath(path: string): boolean {
  const file = name(path);
  if (/\.(?:pub|pub\.\w+|cert|crt|txt|md)$/i.test(file)) return false;
  return /^id_[a-z0-9_-]+$|^ssh_host_\w+_key$|\.(?:pem|key|ppk)$|(?:^|[._-])(?:deploy|ssh|private)[._-]?key(?:$|[._-])/i.test(file);
}

/** The account a path under a home directory belongs to (`/home/alice/.ssh/…`, `~alice/.ssh/…` → alice); undefined when templated. */
export function userOfPath(path: string): string | undefined {
  if (/^\/root(?:\/|$)/.test(path)) return 'root';
  return /^(?:\/home\/|~)([A-Za-z0-9._-]+)\//.exec(path)?.[1];
}
