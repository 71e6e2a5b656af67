/**
 * Which files a pull request changes, and which findings that makes worth reporting: those in a
 * changed file, and those elsewhere that a change causes (one of their related locations is in a
 * changed file, e.g. a duplicate whose first occurrence was just added).
 */
import path from 'node:path';
import type { Finding } from '../core/finding.js';
import { runGit } from '../discover/git-files.js';

export interface PullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  /** The payload's `changed_files`, when present: tells whether the API listing is complete. */
  changedFiles?: number;
}

/** The part of a `pulls.listFiles` entry that matters here. */
export interface ListedFile {
  filename: string;
  status: string;
}

export interface ChangedFiles {
  /** Repository-relative, `/` separators. */
  files: Set<string>;
  source: 'api' | 'git';
}

/** GitHub's pull request files API returns at most this many files. */
export const API_FILE_LIMIT = 3000;

/** Renamed files by their new name (`filename`); removed files have nothing left to report on. */
export function filesFromListing(listing: readonly ListedFile[]): string[] {
  return listing.filter((file) => file.status !== 'removed').map((file) => file.filename);
}

/** `git diff base...head`: what the pull request changes since it forked from its base; throws git's complaint. */
export async function filesFromGit(repositoryRoot: string, baseSha: string, headSha: string): Promise<string[]> {
  const run = await runGit(['-c', 'core.fsmonitor=false', 'diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', `${baseSha}...${headSha}`, '--'], repositoryRoot);
  if (!run) throw new Error('git is not installed');
  if (run.code !== 0) throw new Error(firstLine(run.stderr) || `git exited with ${run.code}`);
  return run.stdout.toString('utf8').split('\0').filter((name) => name !== '');
}

export interface ChangedFilesOptions {
  repositoryRoot: string;
  /** Every page of `pulls.listFiles`; undefined when there is no token. */
  listFiles?: () => Promise<ListedFile[]>;
  /** Why a source was not used, for the log. */
  info: (message: string) => void;
}

/** From the API, else from git; an Error naming both reasons when neither works. */
export async function changedFiles(pullRequest: PullRequest, options: ChangedFilesOptions): Promise<ChangedFiles> {
  let apiProblem = 'no github-token';
  if (options.listFiles) {
    try {
      const listing = await options.listFiles();
      const incomplete = pullRequest.changedFiles !== undefined && listing.length < pullRequest.changedFiles;
      if (!incomplete) return { files: normalizedSet(filesFromListing(listing)), source: 'api' };
      apiProblem = `the API listed ${listing.length} of ${pullRequest.changedFiles} changed files (it stops at ${API_FILE_LIMIT})`;
    } catch (error) {
      apiProblem = `the API answered ${describeApiError(error)}`;
    }
    options.info(`Changed files: ${apiProblem}; asking git instead.`);
  }
  try {
    return { files: normalizedSet(await filesFromGit(options.repositoryRoot, pullRequest.baseSha, pullRequest.headSha)), source: 'git' };
  } catch (error) {
    const gitProblem = (error as Error).message;
    throw new Error(
      `cannot list the files pull request #${pullRequest.number} changes: ${apiProblem}, and git diff ${short(pullRequest.baseSha)}...${short(pullRequest.headSha)} failed (${gitProblem}; a shallow checkout lacks the base commit: use actions/checkout with fetch-depth: 0)`,
    );
  }
}

/** The findings worth reporting when only `changed` files are under review. */
export function selectReported(findings: readonly Finding[], changed: ReadonlySet<string>): Finding[] {
  return findings.filter(
    (finding) => changed.has(normalize(finding.file)) || (finding.related ?? []).some((related) => changed.has(normalize(related.file))),
  );
}

export function describeApiError(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  const message = firstLine((error as Error)?.message) || String(error);
  return typeof status === 'number' ? `${status} (${message})` : message;
}

function normalizedSet(files: string[]): Set<string> {
  return new Set(files.map(normalize));
}

function normalize(file: string): string {
  return path.posix.normalize(file);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n')[0] ?? '';
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
