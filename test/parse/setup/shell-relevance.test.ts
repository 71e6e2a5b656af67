import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../../src/core/source.js';
import { mayConcernSsh, parseShellScript } from '../../../src/parse/setup/parse-shell-script.js';
import { commandName } from '../../../src/parse/setup/file-writes.js';
import { emptySetupModel } from '../../../src/parse/setup/setup-model.js';
import { addShellFacts } from '../../../src/parse/setup/shell-facts.js';
import { shellCommands } from '../../../src/parse/setup/shell/shell-commands.js';
import { shellText } from '../../../src/parse/setup/shell/shell-text.js';
import { isPrivateKeyPath, sshFileKind } from '../../../src/parse/setup/ssh-paths.js';

/** The model without the shortcut: every line lexed. */
function fullModel(text: string) {
  const model = emptySetupModel('shell_script', createSourceFile('x.sh', text));
  addShellFacts(model, shellCommands(shellText(text, text.split('\n').map((_, i) => ({ line: i + 1, columnOffset: 0 })))));
  return model;
}

/** Commands rules look up by name, beyond what the model's facts record. */
const NAMED_BY_RULES = new Set(['ssh-keyscan', 'ssh-add', 'ssh-keygen', 'umask']);

/** What a script's model tells the rules and the lockout analysis. */
function facts(text: string): unknown[] {
  const model = fullModel(text);
  return [
    ...model.invocations,
    ...model.modes,
    ...model.installations,
    ...model.embedded,
    ...model.writes.filter((write) => sshFileKind(write.target.text) !== undefined || isPrivateKeyPath(write.target.text)),
    ...model.commands.filter((command) => NAMED_BY_RULES.has(commandName(command) ?? '')),
  ];
}

// Fragments joined with or without spaces, so names also arise split by quotes and line continuations.
const FRAGMENTS = [
  'ssh', 's', 'sh', 'ch', 'mod', 'chmod', '700', 'g+w', '600', '~', '/home/alice', '~/.ssh', '/.ssh', 'authorized_keys', 'known_hosts',
  'id_rsa', 'deploy.pem', 'x.key', 'a.ppk', 'deploy_key', 'Private-Key', 'deploykey', 'key', '.', '-', '_', 'deploy', 'private', 'authorized', 'scp', 'sftp', 'slogin', 'rsync', '-e', 'install', '-m', 'mkdir', 'umask', '077',
  'git', '-c', 'core.sshCommand=ssh -o User=x', 'GIT_SSH_COMMAND=', 'RSYNC_RSH=', 'ssh-keyscan', 'ssh-add', 'autossh', '>', '>>', '|', 'tee',
  '-a', ';', '&&', '<<EOF', 'EOF', '$HOME', '"', "'", '\\\n', 'echo', 'printf', 'cat', 'cp', 'mv', 'ls', 'x', 'y', '$(', ')', '`',
];
const script = fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(' ', '', '\n')), { maxLength: 24 }).map((parts) => parts.map(([word, gap]) => word + gap).join(''));

describe('mayConcernSsh', () => {
  it('never skips a script whose full model records anything', () => {
    fc.assert(
      fc.property(script, (text) => {
        if (!mayConcernSsh(text)) expect(facts(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['chmod split by a line continuation', 'ch\\\nmod 777 /home/alice\n'],
    ['ssh split by quotes', '"s"sh -o StrictHostKeyChecking=no host\n'],
    ['a key written from a secret', 'echo "$SECRET" > deploy.pem\n'],
    ['scp', 'scp -o StrictHostKeyChecking=no a host:b\n'],
  ])('reads %s', (_name, text) => {
    expect(mayConcernSsh(text)).toBe(true);
    expect(facts(text)).not.toEqual([]);
  });

  it('leaves a script that names nothing SSH unlexed, with an empty model', () => {
    const text = 'set -eu\nnpm ci\nnpm test -- --coverage > report.txt\n';
    expect(mayConcernSsh(text)).toBe(false);
    expect(parseShellScript(createSourceFile('ci.sh', text)).commands).toEqual([]);
  });
});
