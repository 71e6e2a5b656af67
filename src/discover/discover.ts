import { lstatSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isUserKind, type FileKind, type UserKind } from '../core/file-kind.js';
import { describeFsError, errorCode, UsageError } from './errors.js';
import { listGitFiles } from './git-files.js';
import { listFilesWithoutGit } from './walk-files.js';
import { FILE_NAME_KINDS, isAccountFile, kindFromPath, mayHoldSetupYaml } from './kinds.js';
import { addToGroup, pushAll } from '../core/collections.js';

export interface DiscoveredFile {
  /** What to open. For a file reached through a symbolic link, the link's target (the path that was checked). */
  absPath: string;
  /** Relative to cwd, '/' separators. */
  displayPath: string;
  /** undefined: content sniffing decides later. */
  kind: FileKind | undefined;
  /** Named on the command line. */
  explicit: boolean;
  /** The directory whose `git ls-files --cached` listed this file at `absPath`: `git grep` there searches it. */
  gitRoot?: string;
  /**
   * Where the file must really be. Set for files git's index lists as regular files, which are not
   * lstat()ed one by one (that dominated large scans): the reader checks, before opening, that no
   * symbolic link on the disk leads elsewhere.
   */
  realPath?: string;
}

/** A path that was skipped: symbolic link leaving the root, unreadable directory, … */
export interface DiscoveryNote {
  displayPath: string;
  message: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  notes: DiscoveryNote[];
}

export interface DiscoveryOptions {
  cwd: string;
  /** Forces the kind of files named on the command line; files found in directories go by their names. */
  kind?: UserKind;
  /** gitignore-style patterns from the configuration, matched against paths relative to cwd. */
  ignore?: string[];
  /**
   * Tracked files whose paths give no kind (YAML that may be setup code among them) are kept only
   * if they are in this set, for the git work tree at `gitRoot`: the absolute paths `git grep`
   * found a marker in (a private key's armour, what setup YAML starts with); undefined keeps them
   * all (the search failed). Without the option none are kept. A large repository has 100,000
   * such files: an object for each cost more than the search, and reading its YAML files to look
   * at their first lines cost more than the rest of the scan.
   */
  trackedWithMarkers?: (gitRoot: string) => Promise<ReadonlySet<string> | undefined>;
}

/** Never entered, in or out of git: vendored dependencies are not the project's SSH configuration. */
const SKIPPED_DIRECTORY_NAMES = ['.git', 'node_modules'] as const;

/**
 * Every regular file the paths name or contain, without reading any. Files found in directories
 * are candidates: those whose names give no kind are returned with `kind: undefined`, for content
 * sniffing to find private keys under any name. Throws `UsageError` for a path that does not exist.
 */
export async function discoverFiles(paths: string[], options: DiscoveryOptions): Promise<DiscoveryResult> {
  return startDiscovery(paths, options).complete;
}

export interface Discovery {
  /**
   * The files whose kind is known once git has listed the index, before the slower work: the
   * marker search, the walk for untracked files, symbolic links. The caller can read these
   * meanwhile. Empty when discovery fails (`complete` says why).
   */
  early: Promise<DiscoveredFile[]>;
  /** Every file, the early ones included (the same objects), and the notes. */
  complete: Promise<DiscoveryResult>;
}

export function startDiscovery(paths: string[], options: DiscoveryOptions): Discovery {
  let announce: (files: DiscoveredFile[]) => void = () => undefined;
  const early = new Promise<DiscoveredFile[]>((resolve) => (announce = resolve));
  const complete = (async () => {
    try {
      const inputs = await Promise.all(paths.map((input) => statInput(input, options.cwd)));
      const collector = new Collector(options);
      for (const { absPath, stats } of inputs) if (!stats.isDirectory()) await collector.addExplicit(absPath);
      const rests: (() => Promise<void>)[] = [];
      for (const { absPath, stats } of inputs) if (stats.isDirectory()) rests.push(await scanDirectory(absPath, collector, options.trackedWithMarkers));
      announce(collector.settleKnownKinds());
      for (const rest of rests) await rest();
      return collector.result();
    } finally {
      announce([]);
    }
  })();
  // Awaited by the caller after `early`; a failure must not count as unhandled meanwhile.
  complete.catch(() => undefined);
  return { early, complete };
}

async function statInput(input: string, cwd: string): Promise<{ absPath: string; stats: Stats }> {
  const absPath = path.resolve(cwd, input);
  let stats: Stats;
  try {
    // A symbolic link named on the command line is followed wherever it leads: the user chose it.
    stats = await stat(absPath);
  } catch (error) {
    throw new UsageError(`cannot read ${JSON.stringify(input)}: ${describeFsError(error)}`);
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${JSON.stringify(input)} is neither a file nor a directory`);
  return { absPath, stats };
}

/**
 * Lists `absDir`: git's tracked files at once (those whose paths give no reason to read them wait
 * for the marker search); returns the rest of the work, which waits on slower listings.
 */
async function scanDirectory(
  absDir: string,
  collector: Collector,
  trackedWithMarkers: DiscoveryOptions['trackedWithMarkers'],
): Promise<() => Promise<void>> {
  const realRoot = await realpath(absDir);
  const symlinks: string[] = [];
  const listing = await listDirectory(absDir, collector);
  /** Real paths of the tracked files not kept; a link to one keeps it after all, so that it is the file its findings name. */
  const leftOut: string[] = [];
  const unread: string[] = [];
  // The same string when no link leads to the root, as is usual: one path less to build per file.
  const realPathOf = (relPath: string, absPath: string): string => (realRoot === absDir ? absPath : under(realRoot, relPath));
  for (const relPath of listing.tracked?.relPaths ?? []) {
    if (isInSkippedDirectory(relPath)) continue;
    const absPath = under(absDir, relPath);
    if (!collector.addTracked(absPath, realPathOf(relPath, absPath), absDir, false)) unread.push(relPath);
  }
  pushAll(symlinks, (listing.tracked?.symlinks ?? []).filter((relPath) => !isInSkippedDirectory(relPath)).map((relPath) => path.join(absDir, relPath)));
  return async () => {
    if (listing.tracked) {
      const withMarkers = await (trackedWithMarkers?.(absDir) ?? new Set<string>());
      for (const relPath of unread) {
        const absPath = under(absDir, relPath);
        if (withMarkers === undefined || withMarkers.has(absPath)) collector.addTracked(absPath, realPathOf(relPath, absPath), absDir, true);
        else leftOut.push(realPathOf(relPath, absPath));
      }
    }
    for (const relPath of await listing.others) {
      if (isInSkippedDirectory(relPath)) continue;
      const absPath = under(absDir, relPath);
      const stats = lstatEntry(absPath, relPath, collector);
      // Neither git nor the walk descends through symbolic links, so no directory on the way is one.
      if (stats?.isFile()) collector.addFound(absPath, under(realRoot, relPath), false);
      else if (stats?.isSymbolicLink()) symlinks.push(absPath);
      // Directories (submodules), sockets, FIFOs: nothing to lint.
    }
    if (symlinks.length === 0) return;
    const linkedLeftOut = new Set(leftOut);
    const keepTarget = (target: string): void => {
      if (linkedLeftOut.has(target)) collector.addTracked(absDir + target.slice(realRoot.length), target, absDir, true);
    };
    await Promise.all(symlinks.map((absPath) => classifySymlink(absPath, realRoot, collector, keepTarget)));
  };
}

/**
 * git's view when `absDir` is in a work tree (fast, and exactly what the user commits), else a
 * walk. `tracked`: regular files and symbolic links by the index's word, listed at once;
 * `others`: the untracked files, once git has walked the work tree, or every file of the walk.
 */
async function listDirectory(absDir: string, collector: Collector): Promise<{ tracked?: { relPaths: string[]; symlinks: string[] }; others: Promise<string[]> }> {
  const git = await listGitFiles(absDir);
  if (git.ok) {
    for (const warning of git.warnings) collector.note(absDir, `git: ${warning}`);
    // `git grep` searches tracked files only (with --untracked it walks the work tree again); the
    // few untracked ones are searched byte by byte.
    const others = git.untracked.then((untracked) => {
      for (const warning of untracked.warnings) collector.note(absDir, `git: ${warning}`);
      return untracked.relPaths;
    });
    return { tracked: { relPaths: git.relPaths, symlinks: git.symlinks }, others };
  }
  if (git.reason !== undefined) collector.note(absDir, `git ls-files failed (${git.reason}); scanned without git, honouring .gitignore files`);
  const others = listFilesWithoutGit(absDir, SKIPPED_DIRECTORY_NAMES).then((walk) => {
    for (const relDir of walk.unreadableDirs) collector.note(path.join(absDir, relDir), 'directory cannot be read; skipped');
    return walk.relPaths;
  });
  return { others };
}

/** `path.join` for a path git lists (normalised, `/`-separated): concatenation where that is the same, since a large scan joins every path twice. */
function under(absDir: string, relPath: string): string {
  if (path.sep !== '/') return path.join(absDir, relPath);
  return absDir.endsWith('/') ? absDir + relPath : `${absDir}/${relPath}`;
}

const SKIPPED_DIRECTORY = new RegExp(`(?:^|/)(?:${SKIPPED_DIRECTORY_NAMES.map((name) => name.replace('.', '\\.')).join('|')})(?:/|$)`);

function isInSkippedDirectory(relPath: string): boolean {
  return SKIPPED_DIRECTORY.test(relPath);
}

/*
 * Synchronous on purpose: one lstat per listed path dominates a large scan, and through the
 * thread pool it measured 280 ms for 20k files against 155 ms in a loop (the loop blocks ~3 µs a file).
 */
function lstatEntry(absPath: string, relPath: string, collector: Collector): Stats | undefined {
  try {
    const stats = lstatSync(absPath, { throwIfNoEntry: false });
    // Gone: deleted since git indexed it, or a name that is not UTF-8, which a decoded string cannot reach.
    if (stats === undefined && relPath.includes('\uFFFD')) collector.note(absPath, 'file name is not valid UTF-8; skipped');
    return stats;
  } catch (error) {
    collector.note(absPath, `cannot be read: ${describeFsError(error)}`);
    return undefined;
  }
}

async function classifySymlink(absPath: string, realRoot: string, collector: Collector, keepTarget: (target: string) => void): Promise<void> {
  let target: string;
  try {
    target = await realpath(absPath);
  } catch (error) {
    const reason = errorCode(error) === 'ELOOP' ? 'symbolic link loop' : `broken symbolic link (${describeFsError(error)})`;
    collector.note(absPath, `${reason}; skipped`);
    return;
  }
  if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
    collector.note(absPath, 'symbolic link to a path outside the scanned directory; not followed');
    return;
  }
  // A link to a directory inside the root: its files are listed already.
  const targetStats = await stat(target).catch(() => undefined);
  if (!targetStats?.isFile()) return;
  keepTarget(target);
  collector.addFound(absPath, target, true);
}

interface Candidate extends DiscoveredFile {
  viaSymlink: boolean;
}

/** Gathers candidates and notes; one file reached by several paths is reported once. */
class Collector {
  private readonly candidatesByRealPath = new Map<string, Candidate[]>();
  private readonly settled = new Map<string, DiscoveredFile>();
  private readonly notes: DiscoveryNote[] = [];
  private readonly notedKindDirectories = new Set<string>();
  /** undefined without patterns: matching every path of a large repository against nothing costs. */
  private readonly configIgnore: Ignore | undefined;

  constructor(private readonly options: DiscoveryOptions) {
    this.configIgnore = options.ignore?.length ? ignore().add(options.ignore) : undefined;
  }

  async addExplicit(absPath: string): Promise<void> {
    const displayPath = this.displayPath(absPath);
    // Silently, like a found file: pre-commit names every staged file, ignored ones included.
    if (this.isIgnoredByConfig(displayPath)) return;
    const realPath = await realpath(absPath);
    const viaSymlink = realPath !== absPath;
    const kind = this.options.kind ?? kindFromPaths(absPath, realPath);
    this.add(realPath, { absPath: viaSymlink ? realPath : absPath, displayPath, kind, explicit: true, viaSymlink });
  }

  addFound(absPath: string, realPath: string, viaSymlink: boolean): void {
    const displayPath = this.displayPath(absPath);
    if (this.isIgnoredByConfig(displayPath)) return;
    this.noteKindNamedDirectories(displayPath);
    this.addCandidate(displayPath, kindFromPaths(absPath, realPath), absPath, realPath, { viaSymlink });
  }

  /**
   * A regular file by the word of git's index, not lstat()ed: the reader checks `realPath`. Kept
   * when its path gives a kind or names a machine's accounts, or when `keepUnread` (git found a
   * marker in it: a key's armour, the start of setup YAML); false when left out (an ignored one is
   * not left out: it is done with).
   */
  addTracked(absPath: string, realPath: string, gitRoot: string, keepUnread: boolean): boolean {
    const displayPath = this.displayPath(absPath);
    if (this.isIgnoredByConfig(displayPath)) return true;
    this.noteKindNamedDirectories(displayPath);
    const kind = kindFromPaths(absPath, realPath);
    if (!keepUnread && kind === undefined && !isAccountFile(displayPath)) return false;
    this.addCandidate(displayPath, kind, absPath, realPath, { viaSymlink: false, gitRoot, checkRealPath: true });
    return true;
  }

  note(absPath: string, message: string): void {
    this.notes.push({ displayPath: this.displayPath(absPath), message });
  }

  /**
   * The files whose kind is known so far, final from now on: candidates found later for the same
   * file (a link to it, the same file under an overlapping input) rank below them or add nothing.
   */
  settleKnownKinds(): DiscoveredFile[] {
    for (const [realPath, candidates] of this.candidatesByRealPath) {
      const merged = mergeCandidates(candidates);
      if (merged.kind !== undefined) this.settled.set(realPath, merged);
    }
    return [...this.settled.values()];
  }

  result(): DiscoveryResult {
    const files = [...this.candidatesByRealPath].map(([realPath, candidates]) => this.settled.get(realPath) ?? mergeCandidates(candidates)).sort(byDisplayPath);
    // A path given twice, or inside another given path, is scanned twice: say each thing once.
    const notes = new Map(this.notes.map((note) => [JSON.stringify([note.displayPath, note.message]), note]));
    return { files, notes: [...notes.values()].sort(byDisplayPath) };
  }

  private addCandidate(
    displayPath: string,
    kind: FileKind | undefined,
    absPath: string,
    realPath: string,
    how: { viaSymlink: boolean; gitRoot?: string; checkRealPath?: boolean },
  ): void {
    const candidate: Candidate = { absPath: how.viaSymlink ? realPath : absPath, displayPath, kind, explicit: false, viaSymlink: how.viaSymlink };
    if (how.gitRoot !== undefined) candidate.gitRoot = how.gitRoot;
    if (how.checkRealPath) candidate.realPath = realPath;
    this.add(realPath, candidate);
  }

  private add(realPath: string, candidate: Candidate): void {
    addToGroup(this.candidatesByRealPath, realPath, candidate);
  }

  private displayPath(absPath: string): string {
    // Most paths are below cwd: slicing is much cheaper than path.relative() over a large repository.
    const prefix = this.options.cwd + path.sep;
    const relative = absPath.startsWith(prefix) ? absPath.slice(prefix.length) : path.relative(this.options.cwd, absPath);
    return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
  }

  /** Config patterns are relative to cwd; `ignore` cannot judge paths outside it, and they are never ignored. */
  private isIgnoredByConfig(displayPath: string): boolean {
    if (this.configIgnore === undefined || displayPath.startsWith('../') || path.isAbsolute(displayPath)) return false;
    return this.configIgnore.ignores(displayPath);
  }

  /** `authorized_keys/alice`: its directory is named like a file kind, so say why its files are not read as one. */
  private noteKindNamedDirectories(displayPath: string): void {
    if (!KIND_NAMED_DIRECTORY.test(displayPath)) return;
    const segments = displayPath.split('/');
    for (let index = 0; index < segments.length - 1; index++) {
      const kind = FILE_NAME_KINDS.get(segments[index] ?? '');
      const directory = segments.slice(0, index + 1).join('/');
      if (kind === undefined || this.notedKindDirectories.has(directory)) continue;
      this.notedKindDirectories.add(directory);
      const hint = isUserKind(kind) ? ` (name them with --kind ${kind} to check them as ${kind})` : '';
      this.notes.push({ displayPath: directory, message: `a directory named like an SSH file (${kind}): its files are checked by their own names${hint}` });
    }
  }
}

/**
 * Read whatever it holds, not only when it may hold a private key: of a kind its name gives, named
 * on the command line, YAML that may be setup code (cloud-init user data, a playbook), a machine's
 * accounts.
 */
export function isReadWhateverItHolds(file: Pick<DiscoveredFile, 'kind' | 'displayPath' | 'explicit'>): boolean {
  return file.kind !== undefined || file.explicit || mayHoldSetupYaml(file.displayPath) || isAccountFile(file.displayPath);
}

/** A path with a directory named like an SSH file (checked first: splitting every path of a large repository costs). */
const KIND_NAMED_DIRECTORY = new RegExp(`(?:^|/)(?:${[...FILE_NAME_KINDS.keys()].join('|')})/`);

/** A link's own name can say more than its target's (`.ssh/config` → `dotfiles/ssh-config`). */
function kindFromPaths(absPath: string, realPath: string): FileKind | undefined {
  return kindFromPath(absPath) ?? (realPath === absPath ? undefined : kindFromPath(realPath));
}

/** One file, several paths: a named path wins, then the real one over links, then the first by name. */
function mergeCandidates(candidates: Candidate[]): DiscoveredFile {
  const ranked = [...candidates].sort(
    (a, b) => Number(b.explicit) - Number(a.explicit) || Number(a.viaSymlink) - Number(b.viaSymlink) || byDisplayPath(a, b),
  );
  const [primary] = ranked as [Candidate, ...Candidate[]];
  const merged: DiscoveredFile = {
    absPath: primary.absPath,
    displayPath: primary.displayPath,
    kind: primary.kind ?? ranked.find((candidate) => candidate.kind !== undefined)?.kind,
    explicit: primary.explicit,
  };
  if (primary.gitRoot !== undefined) merged.gitRoot = primary.gitRoot;
  if (primary.realPath !== undefined) merged.realPath = primary.realPath;
  return merged;
}

function byDisplayPath(a: { displayPath: string }, b: { displayPath: string }): number {
  return a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0;
}
