import { parseMode } from '../../parse/setup/file-mode.js';
import type { ModeSetting } from '../../parse/setup/setup-model.js';
import { isHomeDirectory, isInSshDirectory, isPrivateKeyPath, isSshDirectory, sshFileKind } from '../../parse/setup/ssh-paths.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';

const GROUP_WRITE = 0o020;
const OTHER_WRITE = 0o002;
const GROUP_OTHER = 0o077;

type Place = 'home' | 'ssh-directory' | 'authorized-keys' | 'private-key' | 'ssh-file';

function placeOf(path: string): Place | undefined {
  if (isHomeDirectory(path)) return 'home';
  if (isSshDirectory(path)) return 'ssh-directory';
  if (sshFileKind(path) === 'authorized_keys') return 'authorized-keys';
  if (isInSshDirectory(path) && isPrivateKeyPath(path)) return 'private-key';
  if (isInSshDirectory(path)) return 'ssh-file';
  return undefined;
}

const WRITABLE_EFFECT: Record<Exclude<Place, 'private-key'>, string> = {
  home: 'sshd (StrictModes, on by default) then refuses every authorized_keys file below it, so nobody logs in as this user with a key',
  'ssh-directory': 'sshd (StrictModes, on by default) then refuses the authorized_keys in it, so key logins for this user fail',
  'authorized-keys': 'sshd (StrictModes, on by default) then refuses the file, so none of its keys can log in',
  'ssh-file': 'sshd refuses authorized_keys and ssh refuses its config file when they, or a directory above them, are writable by others',
};

function modeHit(mode: ModeSetting, message: string, help: string, severity: RuleHit['severity']): RuleHit {
  const hit: RuleHit = { ...mode.span, message, help };
  if (severity) hit.severity = severity;
  return hit;
}

export default defineSetupRule({
  id: 'SSH502',
  alias: 'ssh-permissions-refused',
  kinds: ['workflow', 'shell_script', 'dockerfile', 'makefile'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'A `chmod`/`install -m`/`mkdir -m`/`COPY --chmod` gives a home directory, `~/.ssh` or authorized_keys a mode sshd refuses (lockout), or a private key a mode ssh refuses.',
    what: 'A mode, octal or symbolic, set on a home directory (`~`, `$HOME`, `/home/NAME`, `/root`), a `.ssh` directory or a file in it, or an authorized_keys file, that makes it writable by group or others (`777`, `775`, `g+w`, `chmod -R 777 ~/.ssh`); and one that lets group or others read or write a private key in `.ssh` (`644` on `~/.ssh/id_ed25519`). A relative change (`go-w`, `u+x`) is judged only by the bits it surely sets. Group-writable alone is a warning: Debian and Ubuntu tolerate it when the group holds only the owner.',
    why: 'With StrictModes (the default) sshd checks the authorized_keys file and every directory from it up to the home directory, and refuses the file if any of them is writable by group or others ("Authentication refused: bad ownership or modes", misc.c safe_path): every key login of that user fails, which on a server reached only by keys is a lockout. On the client, ssh ignores a private key that group or others can access ("UNPROTECTED PRIVATE KEY FILE", authfile.c sshkey_perm_ok) and refuses a writable ~/.ssh/config. Turning StrictModes off is not the fix; the right modes are `chmod go-w ~`, `chmod 700 ~/.ssh`, `chmod 600 ~/.ssh/authorized_keys ~/.ssh/id_*`.',
    bad: 'chmod -R 777 /home/deploy/.ssh',
    good: 'chmod 700 /home/deploy/.ssh\nchmod 600 /home/deploy/.ssh/authorized_keys',
    references: ['sshd_config(5) StrictModes', 'OpenSSH misc.c safe_path(), auth2-pubkeyfile.c auth_openfile()', 'OpenSSH authfile.c sshkey_perm_ok()', 'ssh(1) FILES'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const mode of model.modes) {
      const place = placeOf(mode.target);
      const change = parseMode(mode.written);
      if (!place || !change) continue;
      const written = `${mode.recursive ? '-R ' : ''}${mode.written}`;
      if (place === 'private-key') {
        if ((change.set & GROUP_OTHER) === 0) continue;
        hits.push(
          modeHit(
            mode,
            `Mode ${quote(written)} lets others access the private key ${quote(mode.target)}: ssh ignores a key that group or others can read or write ("UNPROTECTED PRIVATE KEY FILE"), and so does ssh-add.`,
            `Use \`chmod 600 ${mode.target}\` (or 400).`,
            'warning',
          ),
        );
        continue;
      }
      const writable = change.set & (GROUP_WRITE | OTHER_WRITE);
      if (writable === 0) continue;
      const who = writable & OTHER_WRITE ? 'everyone' : 'its group';
      const debian = writable & OTHER_WRITE ? '' : ' (Debian and Ubuntu accept a group-writable path when the group has no member but the owner)';
      hits.push(
        modeHit(
          mode,
          `Mode ${quote(written)} makes ${quote(mode.target)} writable by ${who}: ${WRITABLE_EFFECT[place]}${debian}.`,
          place === 'home' ? `Drop group/other write: \`chmod go-w ${mode.target}\` (755 or 700).` : `Use \`chmod 700\` for ~/.ssh and \`chmod 600\` for the files in it.`,
          writable & OTHER_WRITE ? undefined : 'warning',
        ),
      );
    }
    return hits;
  },
});
