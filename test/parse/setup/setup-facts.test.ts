import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import type { SetupKind } from '../../../src/core/file-kind.js';
import { createSourceFile } from '../../../src/core/source.js';
import { lintSetupSource } from '../../../src/engine/lint-setup.js';
import { buildRuleSet } from '../../../src/engine/rule-set.js';
import { parseSetupSource } from '../../../src/parse/setup/parse-setup.js';
import { RULES } from '../../../src/rules/index.js';
import type { RuleContext } from '../../../src/rules/rule.js';

const config = defaultConfig();
const context: RuleContext = { version: config.opensshVersion, policy: config.policy, now: 1_700_000_000 };
const ruleSet = buildRuleSet(RULES, config);
const NAMES: Partial<Record<SetupKind, string>> = { workflow: '.github/workflows/ci.yml', shell_script: 'setup.sh', dockerfile: 'Dockerfile', makefile: 'Makefile' };

function model(kind: SetupKind, text: string) {
  return parseSetupSource(createSourceFile(NAMES[kind]!, text), kind);
}

async function findings(kind: SetupKind, text: string): Promise<string[]> {
  const { findings } = await lintSetupSource(createSourceFile(NAMES[kind]!, text), kind, ruleSet, context);
  return findings.map((finding) => `${finding.alias}@${finding.line}:${finding.column}`);
}

describe('SSH files written by code', () => {
  it('lints a heredoc sshd_config drop-in at its place in the script', async () => {
    const script = 'set -e\nsudo tee /etc/ssh/sshd_config.d/50-ci.conf > /dev/null <<EOF\nPasswordAuthentication no\nPermitRootLogin yes\nEOF\n';
    expect(model('shell_script', script).embedded).toMatchObject([{ kind: 'sshd_config', target: '/etc/ssh/sshd_config.d/50-ci.conf', fragment: false }]);
    expect(await findings('shell_script', script)).toEqual(['permit-root-login@4:17']);
  });

  it('judges an echoed ssh_config line in a workflow on the run line', async () => {
    const workflow = 'jobs:\n  d:\n    steps:\n      - run: |\n          echo "StrictHostKeyChecking no" >> ~/.ssh/config\n';
    expect(await findings('workflow', workflow)).toEqual(['strict-host-key-checking-off@5:39']);
  });

  it('lints a .pub key a script writes, as Ansible and cloud-init writes are', async () => {
    const script = "echo 'ssh-dss AAAAB3NzaC1kc3MAAACBAP' > ~/.ssh/legacy.pub\necho \"$DEPLOY_PUB\" > ~/.ssh/deploy.pub\n";
    expect(model('shell_script', script).embedded).toMatchObject([{ kind: 'public_key', target: '~/.ssh/legacy.pub' }]);
    expect(await findings('shell_script', script)).not.toEqual([]);
  });

  it('leaves lines an expansion hides out, and says nothing about them', async () => {
    const script = 'cat >> /etc/ssh/sshd_config <<EOF\nPort $PORT\nPermitRootLogin ${ROOT_LOGIN}\nEOF\n';
    expect(await findings('shell_script', script)).toEqual([]);
  });

  it('records key installations: inline keys, copied files, unknown keys', () => {
    const script = [
      'cat > /home/deploy/.ssh/authorized_keys <<EOF',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ci',
      'EOF',
      'cp keys/admin.pub /root/.ssh/authorized_keys',
      'echo "$PUBKEY" >> ~/.ssh/authorized_keys',
    ].join('\n');
    const installations = model('shell_script', script).installations;
    expect(installations.map((i) => [i.user, i.target, i.exclusive, 'file' in i.keys ? i.keys.file : 'document' in i.keys ? i.keys.document.source.text.trim() : 'unknown'])).toEqual([
      ['deploy', '/home/deploy/.ssh/authorized_keys', true, expect.stringMatching(/^ssh-ed25519 /)],
      ['root', '/root/.ssh/authorized_keys', true, 'keys/admin.pub'],
      [undefined, '~/.ssh/authorized_keys', false, 'unknown'],
    ]);
  });

  it('records modes from chmod, install -m, mkdir -m and COPY --chmod', () => {
    const modes = model('shell_script', 'chmod -R go-w ~\ninstall -d -m 0700 /home/a/.ssh\nmkdir -m u=rwx,go= d\nchmod 600 k1 k2').modes;
    expect(modes.map((m) => [m.target, m.mode, m.written, m.recursive])).toEqual([
      ['~', undefined, 'go-w', true],
      ['/home/a/.ssh', 0o700, '0700', false],
      ['d', 0o700, 'u=rwx,go=', false],
      ['k1', 0o600, '600', false],
      ['k2', 0o600, '600', false],
    ]);
    expect(model('dockerfile', 'FROM a\nCOPY --chmod=600 id /root/.ssh/id').modes).toMatchObject([{ target: '/root/.ssh/id', mode: 0o600 }]);
  });
});

describe('ssh options on command lines', () => {
  it('judges -o options with the client rules, in every form', async () => {
    const script = [
      'ssh -o StrictHostKeyChecking=no host true',
      'scp -oStrictHostKeyChecking=no f host:',
      'rsync -e "ssh -o \'StrictHostKeyChecking no\'" a host:b',
      'git -c core.sshCommand="ssh -o StrictHostKeyChecking=no" fetch',
      'GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no" git push',
    ].join('\n');
    expect(await findings('shell_script', script)).toEqual([
      'strict-host-key-checking-off@1:30',
      'strict-host-key-checking-off@2:29',
      'strict-host-key-checking-off@3:41',
      'strict-host-key-checking-off@4:54',
      'strict-host-key-checking-off@5:47',
    ]);
  });

  it('reports an unknown -o keyword (ssh exits) and a weak algorithm edit', async () => {
    expect(await findings('shell_script', 'ssh -o StrictHostKeyCheck=no h\nssh -o HostKeyAlgorithms=+ssh-rsa h')).toEqual([
      'unknown-keyword@1:8',
      'legacy-algorithm-workaround@2:27',
    ]);
  });

  it('says nothing when the workflow fills the value in', async () => {
    const workflow = 'env:\n  OPTS: x\njobs:\n  d:\n    steps:\n      - run: ssh -o "StrictHostKeyChecking=${{ inputs.strict }}" host true\n';
    expect(await findings('workflow', workflow)).toEqual([]);
  });

  it('reads GIT_SSH_COMMAND from a workflow env block and a Dockerfile ENV', async () => {
    expect(await findings('workflow', 'env:\n  GIT_SSH_COMMAND: "ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no"\njobs: {}\n')).toEqual([
      'strict-host-key-checking-off@2:82',
    ]);
    expect(await findings('dockerfile', 'FROM alpine\nENV GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"')).toEqual(['strict-host-key-checking-off@2:51']);
  });
});

describe('host files', () => {
  it('Dockerfile: RUN heredoc scripts, exec form, comment lines inside continuations', () => {
    const dockerfile = 'FROM alpine\nRUN <<EOF\nchmod 777 /root\nEOF\nRUN ["ssh", "-A", "h"]\nRUN apk add openssh \\\n# a comment\n    && chmod 700 /root/.ssh';
    expect(model('dockerfile', dockerfile).commands.map((c) => c.words.map((w) => w.value).join(' '))).toEqual([
      'chmod 777 /root',
      'ssh -A h',
      'apk add openssh',
      'chmod 700 /root/.ssh',
    ]);
  });

  it('Makefile: recipes scoped by target, make variables unknown, $$ for the shell', () => {
    const commands = model('makefile', 'X := 1\ndeploy: build\n\t@chmod 600 $(KEY) key\n\t-ssh -i key $$HOST \\\n\t  true\nclean:\n\trm -f key').commands;
    expect(commands.map((c) => [c.scope, c.words.map((w) => w.value ?? '?').join(' ')])).toEqual([
      ['deploy', 'chmod 600 ? key'],
      ['deploy', 'ssh -i key ? true'],
      ['clean', 'rm -f key'],
    ]);
    expect(commands[0]!.words[0]!.span).toMatchObject({ line: 3, column: 3 });
  });

  it('workflow: skips steps in other shells, scopes commands by job', () => {
    const workflow = 'defaults:\n  run:\n    shell: pwsh\njobs:\n  a:\n    steps:\n      - run: chmod 600 k\n      - shell: bash\n        run: chmod 700 d\n';
    expect(model('workflow', workflow).commands.map((c) => [c.scope, c.words.map((w) => w.value).join(' ')])).toEqual([['a', 'chmod 700 d']]);
  });
});
