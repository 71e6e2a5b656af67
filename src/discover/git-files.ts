import { spawn } from 'node:child_process';

/*
 * Variables that would point git at another repository than the one holding `dir`: git sets them
 * for hooks (pre-commit runs us with GIT_INDEX_FILE, worktrees with GIT_DIR). LC_ALL=C keeps the
 * stderr we compare against in English. No file name passes through the locale: `-z` gives raw bytes.
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

export interface GitUntracked {
  relPaths: string[];
  warnings: string[];
}

export type GitListing =
  | {
      ok: true;
      /** Tracked regular files: read from the index, at once (the index, not the disk, says they are regular files). */
      relPaths: string[];
      /** Tracked symbolic links (mode 120000); submodules (160000) are left out. */
      symlinks: string[];
      warnings: string[];
      /**
       * Untracked files that are not ignored. Finding them walks the whole work tree, which took
       * 4 s for 100,000 files (git status as long); it runs while the caller handles the tracked ones.
       */
      untracked: Promise<GitUntracked>;
    }
  /** `reason` is undefined when there is simply no work tree (or no git): not worth a note. */
  | { ok: false; reason: string | undefined };

// core.fsmonitor=false: a hostile repository config must not get to run its monitor command.
const LS_FILES = ['-c', 'core.fsmonitor=false', 'ls-files', '-z'];

/**
 * Tracked and untracked-but-not-ignored files under `dir`, relative to it, as git sees them
 * (.gitignore, .git/info/exclude, core.excludesFile). Paths may name deleted files, submodule
 * directories and symbolic links: the caller lstat()s each one anyway.
 */
export async function listGitFiles(dir: string): Promise<GitListing> {
  const untrackedRun = runGit([...LS_FILES, '--others', '--exclude-standard'], dir);
  const tracked = listing(await runGit([...LS_FILES, '--cached', '--stage'], dir));
  if (!tracked.ok) return tracked;
  const untracked = untrackedRun.then((run): GitUntracked => {
    const result = listing(run);
    return result.ok ? result : { relPaths: [], warnings: [`untracked files not listed: ${result.reason ?? 'git failed'}`] };
  });
  return { ok: true, ...byIndexMode(tracked.relPaths), warnings: tracked.warnings, untracked };
}

/**
 * `--stage` records read `MODE OBJECT STAGE<TAB>PATH`: regular files and symbolic links apart,
 * submodules dropped. An unmerged path has a record per stage, one after another (git sorts by path).
 */
function byIndexMode(records: readonly string[]): { relPaths: string[]; symlinks: string[] } {
  const relPaths: string[] = [];
  const symlinks: string[] = [];
  let previous: string | undefined;
  for (const record of records) {
    const relPath = record.slice(record.indexOf('\t') + 1);
    if (relPath === previous) continue;
    previous = relPath;
    if (record.startsWith('120000 ')) symlinks.push(relPath);
    else if (record.startsWith('100')) relPaths.push(relPath);
  }
  return { relPaths, symlinks };
}

function listing(run: GitRun | undefined): { ok: true; relPaths: string[]; warnings: string[] } | { ok: false; reason: string | undefined } {
  if (run === undefined) return { ok: false, reason: undefined };
  const stderrLines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  if (run.code !== 0) {
    const notARepository = stderrLines.some((line) => line.includes('not a git repository'));
    return { ok: false, reason: notARepository ? undefined : (stderrLines[0] ?? `git exited with code ${run.code}`) };
  }
  // One record per path (byIndexMode handles the stages of an unmerged one); names that are not
  // UTF-8 decode lossily (U+FFFD) and then fail to open.
  const relPaths = run.stdout.toString('utf8').split('\0').filter((relPath) => relPath !== '');
  return { ok: true, relPaths, warnings: stderrLines };
}

export interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in `cwd`, blind to the variables of a hook's repository; `undefined` when git is not installed. */
export function runGit(args: string[], cwd: string): Promise<GitRun | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}
