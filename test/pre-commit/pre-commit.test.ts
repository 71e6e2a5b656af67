/**
 * The pre-commit hook, run by the real pre-commit (Debian's 3.0.4 here; set
 * SSHLINT_TEST_PRE_COMMIT="pre-commit /path/to/other/pre-commit" to try others too).
 *
 * `pre-commit try-repo` clones the hook repository's last commit and adds uncommitted changes
 * to tracked files only, so an untracked .pre-commit-hooks.yaml or a dist/ the tests just built
 * would be ignored in this working tree. The tests therefore copy the manifest and the freshly
 * built dist/cli.js into a temporary git repository that plays the hook repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { kindFromPath } from '../../src/discover/kinds.js';
import { buildDist, REPO_ROOT } from '../helpers/build-dist.js';

const PRE_COMMITS = (process.env.SSHLINT_TEST_PRE_COMMIT ?? 'pre-commit').split(/\s+/).filter(Boolean);

const GOOD_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop';
const BAD_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6 alice@laptop';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  PRE_COMMIT_COLOR: 'never',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function newRepo(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

function write(repo: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), content);
}

let hookRepo: string;
let hookRev: string;

beforeAll(async () => {
  const built = await buildDist(['dist/cli.js']);
  hookRepo = newRepo('sshlint-hook-repo-');
  copyFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
  mkdirSync(path.join(hookRepo, 'dist'));
  copyFileSync(path.join(built.dir, 'dist/cli.js'), path.join(hookRepo, 'dist/cli.js'));
  chmodSync(path.join(hookRepo, 'dist/cli.js'), 0o755);
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'hook');
  hookRev = git(hookRepo, 'rev-parse', 'HEAD');
});

describe.each(PRE_COMMITS)('%s', (preCommit) => {
  const home = mkdtempSync(path.join(tmpdir(), 'sshlint-pre-commit-home-'));
  const run = (cwd: string, ...args: string[]) => {
    const result = spawnSync(preCommit, args, { cwd, env: { ...ENV, PRE_COMMIT_HOME: home }, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const tryRepo = (cwd: string) => run(cwd, 'try-repo', hookRepo, 'sshlint', '--verbose', '--color', 'never');

  it('is a version this was written for', () => {
    expect(run(tmpdir(), '--version').output).toMatch(/^pre-commit [34]\./);
  });

  it('try-repo: a staged malformed authorized_keys fails', () => {
    const repo = newRepo('sshlint-pc-bad-');
    write(repo, 'home/deploy/.ssh/authorized_keys', `${GOOD_KEY}\n${BAD_KEY}\n`);
    git(repo, 'add', '-A');
    const { status, output } = tryRepo(repo);
    expect(status).toBe(1);
    expect(output).toMatch(/^sshlint\.+Failed$/m);
    expect(output).toContain('home/deploy/.ssh/authorized_keys:2:13 error');
    expect(output).toContain('[SSH102 invalid-key-data]');
  });

  it('try-repo: a good one passes; other files are not passed to the hook', () => {
    const repo = newRepo('sshlint-pc-good-');
    write(repo, 'home/deploy/.ssh/authorized_keys', `${GOOD_KEY}\n`);
    write(repo, 'keys/alice.pub', `${GOOD_KEY}\n`);
    git(repo, 'add', '-A');
    const passed = tryRepo(repo);
    expect(passed.status).toBe(0);
    expect(passed.output).toMatch(/^sshlint\.+Passed$/m);

    const other = newRepo('sshlint-pc-other-');
    write(other, 'README.md', `${BAD_KEY}\n`);
    write(other, 'ansible/authorized_keys.j2', `${BAD_KEY}\n`);
    git(other, 'add', '-A');
    const skipped = tryRepo(other);
    expect(skipped.status).toBe(0);
    expect(skipped.output).toMatch(/^sshlint\.+\(no files to check\)Skipped$/m);
  });

  it('an installed hook stops `git commit` of a malformed file and lets the fixed one through', () => {
    const repo = newRepo('sshlint-pc-commit-');
    write(repo, '.pre-commit-config.yaml', `repos:\n  - repo: ${hookRepo}\n    rev: ${hookRev}\n    hooks:\n      - id: sshlint\n`);
    expect(run(repo, 'install').status).toBe(0);
    write(repo, 'etc/ssh/ssh_known_hosts', `@cert_authority *.example.com ${GOOD_KEY}\n`);
    git(repo, 'add', '-A');
    const commit = spawnSync('git', ['commit', '-m', 'add known hosts'], { cwd: repo, env: { ...ENV, PRE_COMMIT_HOME: home }, encoding: 'utf8' });
    expect(commit.status).toBe(1);
    expect(`${commit.stdout}${commit.stderr}`).toContain('[SSH200 known-hosts-invalid-marker]');
    expect(spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: repo }).status).not.toBe(0);

    write(repo, 'etc/ssh/ssh_known_hosts', `@cert-authority *.example.com ${GOOD_KEY}\n`);
    git(repo, 'add', '-A');
    const fixed = spawnSync('git', ['commit', '-m', 'add known hosts'], { cwd: repo, env: { ...ENV, PRE_COMMIT_HOME: home }, encoding: 'utf8' });
    expect(`${fixed.stdout}${fixed.stderr}`).toMatch(/^sshlint\.+Passed$/m);
    expect(fixed.status).toBe(0);
  });
});

describe('the manifest', () => {
  const manifest = parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const hook = manifest[0]!;

  it('is a script hook on the committed CLI, without stages', () => {
    expect(manifest).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'sshlint', language: 'script', entry: 'dist/cli.js', pass_filenames: true, require_serial: true });
    expect(hook).not.toHaveProperty('stages');
    expect(readFileSync(path.join(REPO_ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('dist/cli.js is executable in git (mode 100755), as language: script needs', () => {
    expect(git(REPO_ROOT, 'ls-files', '-s', '--', 'dist/cli.js')).toMatch(/^100755 /);
  });

  // Python's re, as pre-commit uses it.
  const matches = (paths: string[]): boolean[] =>
    JSON.parse(
      execFileSync('python3', ['-c', 'import json,re,sys; r=re.compile(sys.argv[1]); print(json.dumps([bool(r.search(p)) for p in json.load(sys.stdin)]))', hook.files as string], {
        input: JSON.stringify(paths),
        encoding: 'utf8',
      }),
    );

  it('selects the files sshlint recognizes by name, and no others', () => {
    const named = [
      'authorized_keys',
      'home/alice/.ssh/authorized_keys2',
      'known_hosts',
      'known_hosts2',
      'etc/ssh/ssh_known_hosts',
      'etc/ssh/ssh_known_hosts2',
      'etc/ssh/sshd_config',
      'etc/ssh/sshd_config.d/10-hardening.conf',
      'etc/ssh/sshd_config.d/no-suffix',
      'etc/ssh/ssh_config',
      'etc/ssh/ssh_config.d/50-redhat.conf',
      'home/alice/.ssh/config',
      'home/alice/.ssh/config.d/work',
      'home/alice/.ssh/id_rsa',
      'id_ed25519',
      'id_ecdsa',
      'id_dsa',
      'id_xmss',
      'id_ed25519_sk',
      'keys/id_work_sk',
      'keys/alice.pub',
      'keys/ALICE.PUB',
      'keys/alice.ppk',
      'keys/alice.PPK',
      'etc/ssh/ssh_host_ed25519_key',
      'dir with space/authorized_keys',
      '.github/workflows/deploy.yml',
      'scripts/publish.sh',
      'provision.bash',
      'Dockerfile',
      'docker/Dockerfile.alpine',
      'Containerfile',
      'Makefile',
      'build/rules.mk',
      'roles/ssh/tasks/main.yml',
      'roles/ssh/handlers/main.yaml',
      'tasks/ssh/keys.yml',
      'playbooks/site.yml',
      'deploy.ansible.yml',
      'cloud/user-data',
      'cloud-init.yml',
      'vm.cloud-config',
      'infra/main.tf',
    ];
    const other = [
      'README.md',
      'authorized_keys.bak',
      'ansible/templates/sshd_config.j2',
      'alice.authorized_keys',
      'etc/ssh/sshd_config.d/README.md',
      'etc/ssh/sshd_config.d/readme',
      'home/alice/.ssh/config.d/NOTES.md',
      'config',
      'etc/config',
      'src/id_generator.py',
      'id_rsa.bak',
      'etc/ssh/ssh_host_ed25519_key.pub.orig',
      'publish.sh.j2',
      'Dockerfile.md',
      '.github/dependabot.yml',
      'Makefile.am',
      'docker-compose.yml',
      'k8s/deployment.yaml',
      'infra/terraform.tfvars',
    ];
    for (const file of named) expect(kindFromPath(file), file).toBeDefined();
    for (const file of other) expect(kindFromPath(file), file).toBeUndefined();
    expect(matches(named)).toEqual(named.map(() => true));
    expect(matches(other)).toEqual(other.map(() => false));
  });

  it('also selects other id_NAME and *.key files, which sshlint reads by content', () => {
    expect(matches(['keys/id_deploy', 'id_github', 'tls/server.key'])).toEqual([true, true, true]);
    expect(kindFromPath('keys/id_deploy')).toBeUndefined();
    expect(kindFromPath('tls/server.key')).toBeUndefined();
  });
});
