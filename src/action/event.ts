/** What the workflow run is about: the event, its pull request, the commit and the repository. */
import * as github from '@actions/github';
import { runGit } from '../discover/git-files.js';
import type { PullRequest } from './changed-files.js';

const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target']);

export interface Event {
  name: string;
  pullRequest?: PullRequest;
  /** The commit a check run belongs to: the pull request's head, else GITHUB_SHA. */
  headSha?: string;
  repo?: { owner: string; repo: string };
}

export function readEvent(): Event {
  const { context } = github;
  const event: Event = { name: context.eventName };
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  if (/^[^/]+\/[^/]+$/.test(repository)) event.repo = context.repo;
  const pr = context.payload.pull_request;
  if (PULL_REQUEST_EVENTS.has(context.eventName) && pr) {
    event.pullRequest = {
      number: Number(pr.number),
      baseSha: String(pr.base?.sha ?? ''),
      headSha: String(pr.head?.sha ?? ''),
      ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
    };
    if (event.pullRequest.headSha) event.headSha = event.pullRequest.headSha;
  } else if (context.sha) {
    event.headSha = context.sha;
  }
  return event;
}

/** The checkout's top level (paths in the API, in git and in annotations are relative to it). */
export async function repositoryRoot(workspace: string): Promise<string> {
  const run = await runGit(['rev-parse', '--show-toplevel'], workspace);
  return (run?.code === 0 && run.stdout.toString('utf8').trim()) || workspace;
}
