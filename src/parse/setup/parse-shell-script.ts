/** A shell script: every line is shell, positions are the file's own. */
import type { SourceFile } from '../../core/source.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { shellCommands } from './shell/shell-commands.js';
import { shellText } from './shell/shell-text.js';

/**
 * Text without which a script holds nothing the model records: ssh and its kin (ssh-keyscan,
 * ssh-add, scp, sftp, slogin, rsync, GIT_SSH_COMMAND), what sets modes (chmod, install, mkdir,
 * umask), and the names of SSH files and private keys (`.ssh`, `authorized_keys`, `known_hosts`,
 * `id_*`, `*.pem`, `*.key`, `*.ppk`, `deploy_key`, `private-key`). Most scripts of a large
 * repository have none, and lexing them was the largest part of a whole-repository scan.
 */
const MAY_CONCERN_SSH = /ssh|scp|sftp|slogin|rsync|chmod|install|mkdir|umask|authorized_key|known_host|id_|\.pem|\.key|\.ppk|(?:deploy|private)[._-]?key/i;

/** Also after removing what the shell removes from words: quotes and line continuations (`"s"sh`, `ch\⏎mod`). */
export function mayConcernSsh(text: string): boolean {
  return MAY_CONCERN_SSH.test(text) || MAY_CONCERN_SSH.test(text.replace(/\\\r?\n|['"]/g, ''));
}

export function parseShellScript(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('shell_script', source);
  if (!mayConcernSsh(source.text)) return model;
  const origins = source.text.split('\n').map((_, i) => ({ line: i + 1, columnOffset: 0 }));
  addShellFacts(model, shellCommands(shellText(source.text, origins)));
  return model;
}
