import { commandName, operands, type FileWrite } from '../../parse/setup/file-writes.js';
import type { ModeSetting, SetupFileModel, ShellCommand } from '../../parse/setup/setup-model.js';
import { isPrivateKeyPath } from '../../parse/setup/ssh-paths.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';
import { sameScope, wordHit } from './scope.js';

const OWNER_ONLY = 0o077;

/** Paths the code later hands to ssh as a key: `ssh -i PATH`, `IdentityFile PATH`, `ssh-add PATH`. */
function identityPaths(model: SetupFileModel): Set<string> {
  const paths = new Set<string>();
  for (const invocation of model.invocations) {
    for (const option of invocation.options) {
      const identity = /^identityfile[\s=]+(\S+)$/i.exec(option.line);
      if (identity) paths.add(identity[1]!);
    }
  }
  for (const command of model.commands) {
    if (commandName(command) === 'ssh-add') for (const word of operands(command, ['-t', '-E', '-S', '-H', '-h'])) paths.add(word.text);
  }
  return paths;
}

/** `chmod 600 key`, `chmod go-rwx key`, `chmod -R 700 ~/.ssh`, `install -m 600`: the key ends up owner-only. */
function restricts(mode: ModeSetting, target: string): boolean {
  // The model's bits, as the tool that sets them reads the mode (Ansible `mode: 600` unquoted is decimal).
  const ownerOnly = mode.mode !== undefined ? (mode.mode & OWNER_ONLY) === 0 : ((mode.clearedBits ?? 0) & OWNER_ONLY) === OWNER_ONLY;
  if (!ownerOnly) return false;
  if (mode.target === target) return true;
  if (mode.target.includes('*')) return globRegex(mode.target).test(target);
  return mode.recursive && target.startsWith(`${mode.target.replace(/\/+$/, '')}/`);
}

function globRegex(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

/** `umask 077` (or stricter): files created afterwards are owner-only. */
function ownerOnlyUmask(command: ShellCommand): boolean {
  if (commandName(command) !== 'umask') return false;
  const value = command.words[1]?.value;
  return value !== undefined && /^[0-7]{1,4}$/.test(value) && (parseInt(value, 8) & OWNER_ONLY) === OWNER_ONLY;
}

/** The write's content comes from a variable or secret (or a decoder): not shown in the repository. */
function fromSecret(write: FileWrite): boolean {
  if (write.content === undefined) return commandName(write.producer) !== 'ssh-keygen';
  return 'lines' in write.content && write.content.lines.some((line) => line === undefined);
}

export default defineSetupRule({
  id: 'SSH501',
  alias: 'private-key-written-without-chmod',
  kinds: ['workflow', 'shell_script', 'dockerfile', 'makefile', 'ansible', 'cloud_init'],
  category: 'secret-exposure',
  severity: 'warning',
  docs: {
    summary: 'A private key written from a secret or variable is never restricted to its owner (`chmod 600`): ssh refuses it as an "UNPROTECTED PRIVATE KEY FILE", and other users can read it.',
    what: 'A write of content the repository does not show (`echo "$SSH_KEY" > ~/.ssh/id_rsa`, `echo "${{ secrets.DEPLOY_KEY }}" | base64 -d > deploy.pem`, a heredoc with an expansion) to a file that is a private key by its name (`id_*`, `*.pem`, `*.key`, `deploy_key`) or that the same code hands to ssh (`ssh -i`, `-o IdentityFile=`, `ssh-add`), when nothing in the same job, target or script makes it owner-only: no `chmod 600`/`400`/`go-rwx` on it (directly, by a glob, or by `chmod -R` on its directory), no `install -m 600`, no `umask 077` before it.',
    why: 'A file created by a redirection gets the mode 0666 minus the umask, 0644 on most CI runners and images. ssh and ssh-add check a private key\'s mode and refuse any key that group or others can read ("WARNING: UNPROTECTED PRIVATE KEY FILE! … This private key will be ignored.", authfile.c sshkey_perm_ok), so the deploy step fails or falls back to other keys; meanwhile every other account and process on the machine can read the key.',
    bad: 'echo "$DEPLOY_KEY" > ~/.ssh/id_ed25519\nssh -i ~/.ssh/id_ed25519 deploy@example.com true',
    good: 'install -m 600 /dev/null ~/.ssh/id_ed25519\necho "$DEPLOY_KEY" > ~/.ssh/id_ed25519\nssh -i ~/.ssh/id_ed25519 deploy@example.com true',
    references: ['OpenSSH authfile.c sshkey_perm_ok() ("UNPROTECTED PRIVATE KEY FILE")', 'ssh(1) FILES: ~/.ssh/id_* "should not be accessible by others"', 'ssh-add(1)'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    const identities = identityPaths(model);
    const reported = new Set<string>();
    for (const write of model.writes) {
      const target = write.target.text;
      if (reported.has(target) || !(isPrivateKeyPath(target) || identities.has(target)) || !fromSecret(write)) continue;
      const index = model.commands.indexOf(write.command);
      const protectedByUmask = model.commands.slice(0, Math.max(index, 0)).some((command) => sameScope(command, write.command) && ownerOnlyUmask(command));
      if (protectedByUmask || model.modes.some((mode) => restricts(mode, target))) continue;
      reported.add(target);
      hits.push(
        wordHit(
          write.target,
          `The private key written to ${quote(target)} is never made owner-only: created with the usual umask it is readable by others (0644), so ssh ignores it ("UNPROTECTED PRIVATE KEY FILE") and other users on the machine can read it.`,
          `Restrict it before use: \`chmod 600 ${target}\`, or create it with \`install -m 600 /dev/null ${target}\` (or \`umask 077\`) before writing.`,
        ),
      );
    }
    return hits;
  },
});
