import { commandName } from '../../parse/setup/file-writes.js';
import { writtenFileKind } from '../../parse/setup/ssh-paths.js';
import type { ShellCommand } from '../../parse/setup/setup-model.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';
import { hasFlag, pipeSources, sameScope, wordHit } from './scope.js';

/** A fingerprint check: `ssh-keygen -l` on the scanned keys, a `SHA256:` fingerprint compared, or a diff against pinned keys. */
function verifies(command: ShellCommand): boolean {
  const name = commandName(command);
  if (name === 'ssh-keygen' && hasFlag(command, 'l')) return true;
  if (name === 'diff' || name === 'cmp') return true;
  return command.words.some((word) => /\b(?:SHA256|MD5):/.test(word.text));
}

export default defineSetupRule({
  id: 'SSH500',
  alias: 'keyscan-without-verification',
  kinds: ['workflow', 'shell_script', 'dockerfile', 'makefile', 'ansible', 'cloud_init'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`ssh-keyscan` output appended to known_hosts without checking a fingerprint: whoever answers is trusted (trust on first use, on every run).',
    what: 'An `ssh-keyscan` whose output goes into a known_hosts file (`>> ~/.ssh/known_hosts`, `| tee -a …/known_hosts`, through `sort`/`grep` on the way) when nothing in the same job, target or script checks what it fetched: no `ssh-keygen -l` over the scanned keys, no `SHA256:` fingerprint compared, no `diff`/`cmp` against pinned keys. A target path that a variable hides is not judged.',
    why: 'ssh-keyscan asks the network for the host\'s key and believes the answer; nothing authenticates it. Written straight into known_hosts, it turns host-key checking into trust on first use, and a CI runner starts fresh each time, so every run is a first use: anyone who can intercept or spoof the connection (DNS, a compromised network path, a look-alike host) gets their key trusted and receives the deploy key\'s session, the code and the secrets it pushes. Pin the key instead: commit the known_hosts line (GitHub, GitLab and Bitbucket publish theirs) or keep it in a secret, or compare the scanned fingerprint with the published one before trusting it.',
    bad: 'ssh-keyscan -H deploy.example.com >> ~/.ssh/known_hosts',
    good: 'echo "$DEPLOY_KNOWN_HOSTS" >> ~/.ssh/known_hosts',
    references: ['ssh-keyscan(1): "does not verify the keys"', 'GitHub docs: GitHub\'s SSH key fingerprints', 'ssh_config(5) StrictHostKeyChecking, UserKnownHostsFile'],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    const from = pipeSources(model.commands);
    const origin = (command: ShellCommand): ShellCommand => {
      let first = command;
      for (let guard = 0; guard < 16 && from.has(first); guard++) first = from.get(first)!;
      return first;
    };
    // A CI runner, an image build or a script run anew trusts anew each time; a provisioned server scans once.
    const everyRun = model.kind === 'ansible' || model.kind === 'cloud_init' ? '' : ', and a fresh CI runner trusts anew on every run';
    for (const write of model.writes) {
      if (writtenFileKind(write.target.text) !== 'known_hosts') continue;
      const scan = origin(write.producer);
      if (commandName(scan) !== 'ssh-keyscan') continue;
      if (model.commands.some((command) => sameScope(command, scan) && verifies(command))) continue;
      hits.push(
        wordHit(
          scan.words[0]!,
          `ssh-keyscan's answer is added to ${quote(write.target.text)} unchecked: whatever server answers (or intercepts) is trusted from then on${everyRun}.`,
          'Pin the host key: write a known_hosts line kept in the repository or a secret (GitHub and other forges publish theirs), or check `ssh-keygen -lf` output against the published fingerprint before appending.',
        ),
      );
    }
    return hits;
  },
});
