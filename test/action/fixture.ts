/** The repository and pull request the Action tests run on, and the API answers for it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commit, ed25519Key, git, newRepo, rsa1024Key, type RecordedRequest, type Reply } from './harness.js';

export const OWNER_REPO = '/repos/octo-org/infra';
export const PR_NUMBER = 7;
export const CHECK_RUN_ID = 9001;

export const ERRORS = 35; // invalid key data: malformed
export const LOCKOUT_WARNINGS = 15; // expired keys: lockout
export const WEAK_WARNINGS = 12; // 1024-bit RSA: weak-crypto, in a file that sorts first
export const NOTES = 6; // no-touch-required on a non-FIDO key: hygiene
export const REPORTED = ERRORS + LOCKOUT_WARNINGS + WEAK_WARNINGS + NOTES;

export interface Fixture {
  repo: string;
  baseSha: string;
  headSha: string;
  mergeSha: string;
}

export function makeFixture(): Fixture {
  const repo = newRepo();
  const good = ed25519Key();
  const baseSha = commit(
    repo,
    {
      // Never touched by the pull request: its error must not be reported on it. Its comments
      // point into other files (see cross-file.test.ts); real rules ignore comments.
      'servers/legacy/authorized_keys': `${ed25519Key()} ops@legacy\n# see keys/new-name.pub:1\n# see keys/stable.pub:1\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOp25vZjxpf6 broken@legacy\n`,
      'home/deploy/.ssh/authorized_keys': `${good} alice@laptop\n`,
      'ci/authorized_keys': `${ed25519Key()} ci@runner\n`,
      'keys/old-name.pub': `${ed25519Key()} renamed@x\n`,
      'keys/stable.pub': `${ed25519Key()} stable@x\n`,
      'keys/gone.pub': `${ed25519Key()} gone@x\n`,
      'README.md': '# infra\n',
    },
    'base',
  );
  git(repo, 'checkout', '-q', '-b', 'feature');
  const lines = [`${good} alice@laptop`];
  for (let i = 0; i < ERRORS; i++) lines.push(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${'A'.repeat(i % 7)}x${i} broken-${i}@x`);
  for (let i = 0; i < LOCKOUT_WARNINGS; i++) lines.push(`expiry-time="20200101" ${ed25519Key()} expired-${i}@x`);
  for (let i = 0; i < NOTES; i++) lines.push(`no-touch-required ${ed25519Key()} note-${i}@x`);
  const weak = [`${ed25519Key()} ci@runner`];
  for (let i = 0; i < WEAK_WARNINGS; i++) weak.push(`${rsa1024Key()} weak-${i}@ci`);
  const renamed = readFileSync(path.join(repo, 'keys/old-name.pub'), 'utf8');
  const headSha = commit(
    repo,
    {
      'home/deploy/.ssh/authorized_keys': `${lines.join('\n')}\n`,
      'ci/authorized_keys': `${weak.join('\n')}\n`,
      'keys/old-name.pub': null,
      'keys/new-name.pub': renamed,
      'keys/gone.pub': null,
    },
    'add keys',
  );
  // actions/checkout of a pull request: the merge commit, detached.
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'merge', '-q', '--no-ff', '--no-edit', 'feature');
  const mergeSha = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '--detach', mergeSha);
  return { repo, baseSha, headSha, mergeSha };
}

export function pullRequestPayload(fixture: Fixture, fork = false) {
  return {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: {
      number: PR_NUMBER,
      state: 'open',
      changed_files: 5,
      head: { sha: fixture.headSha, ref: 'feature', repo: { full_name: fork ? 'someone/infra' : 'octo-org/infra', fork } },
      base: { sha: fixture.baseSha, ref: 'main', repo: { full_name: 'octo-org/infra', fork: false } },
    },
    repository: { full_name: 'octo-org/infra', name: 'infra', owner: { login: 'octo-org' } },
  };
}

/** What GitHub lists for the pull request: a rename by its new name, a removal. */
const LISTED_FILES = [
  { filename: 'ci/authorized_keys', status: 'modified' },
  { filename: 'home/deploy/.ssh/authorized_keys', status: 'modified' },
  { filename: 'keys/gone.pub', status: 'removed' },
  { filename: 'keys/new-name.pub', status: 'renamed', previous_filename: 'keys/old-name.pub' },
  { filename: 'keys/old-name.pub', status: 'removed' },
];
const PAGE_SIZE = 2;

export interface ApiBehaviour {
  files?: 'ok' | 403;
  checks?: 'ok' | 403 | 500;
}

/** Pages of 2 with Link headers, whatever per_page asks, so that pagination is exercised. */
export function githubApi(behaviour: ApiBehaviour) {
  return (request: RecordedRequest, url: URL, baseUrl: string): Reply | undefined => {
    if (request.method === 'GET' && url.pathname === `${OWNER_REPO}/pulls/${PR_NUMBER}/files`) {
      if (behaviour.files === 403) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      const page = Number(url.searchParams.get('page') ?? '1');
      const last = Math.ceil(LISTED_FILES.length / PAGE_SIZE);
      const headers: Record<string, string> = {};
      if (page < last) headers.link = `<${baseUrl}${OWNER_REPO}/pulls/${PR_NUMBER}/files?per_page=100&page=${page + 1}>; rel="next"`;
      return { status: 200, headers, body: LISTED_FILES.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
    }
    if (url.pathname === `${OWNER_REPO}/check-runs` && request.method === 'POST') {
      if (behaviour.checks === 403) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      if (behaviour.checks === 500) return { status: 500, body: { message: 'Server Error' } };
      return { status: 201, body: { id: CHECK_RUN_ID, html_url: `https://github.com/octo-org/infra/runs/${CHECK_RUN_ID}` } };
    }
    if (url.pathname === `${OWNER_REPO}/check-runs/${CHECK_RUN_ID}` && request.method === 'PATCH') {
      return { status: 200, body: { id: CHECK_RUN_ID } };
    }
    return undefined;
  };
}

