/**
 * What a path on the configured machine is to SSH, judged from its text as setup code writes it
 * (`/home/deploy/.ssh/authorized_keys`, `~/.ssh/config`, `{{ home }}/.ssh`): the kind of SSH file it
 * names, whether it is an `.ssh` directory, and whose home it is in.
 */
import type { FileKind } from '../../core/file-kind.js';
import { kindFromPath } from '../../discover/kinds.js';

export type SshPathRole = FileKind | 'ssh_directory';

/** The SSH role of a target path, or undefined when it is no SSH file. */
export function sshPathRole(target: string): SshPathRole | undefined {
  const trimmed = target.replace(/\/+$/, '');
  if (/(?:^|\/)\.ssh$/.test(trimmed)) return 'ssh_directory';
  return kindFromPath(trimmed);
}

/** The account whose home the path is in: `/home/<user>/…`, `/root/…`, `~<user>/…`; undefined when templated or elsewhere. */
export function homeUser(target: string): string | undefined {
  const match = /^(?:\/home\/([^/{}$]+)|\/(root)|~([^/{}$]+))\//.exec(target);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}
