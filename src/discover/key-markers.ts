/**
 * Which files may hold a private key: those containing a marker every key's armour has. Only
 * these are read and parsed, so scanning every file costs about one `git grep`. In a git work
 * tree git searches the tracked files; files it did not search (untracked, named on the command
 * line, outside git, reached through a symbolic link) are searched here, byte by byte. git's few matches are searched again here too, so that binary and
 * oversized files are left out by the same rules either way.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { DiscoveredFile } from './discover.js';
import { runGit } from './git-files.js';
import { BINARY_PROBE_BYTES, OPEN_FLAGS } from './read-file.js';
import { pushAll } from '../core/collections.js';

/** PEM and escaped PEM (`-----BEGIN … PRIVATE KEY-----`), ssh.com (`…PRIVATE KEY ----`), PuTTY. */
export const KEY_MARKERS = ['PRIVATE KEY-----', 'PRIVATE KEY ----', 'PuTTY-User-Key-File-'] as const;
const MARKER_BYTES = KEY_MARKERS.map((marker) => Buffer.from(marker, 'latin1'));
const LONGEST_MARKER = Math.max(...MARKER_BYTES.map((marker) => marker.length));
const CHUNK_BYTES = 1024 * 1024;
/** One buffer for every search: they run one after another. */
const buffer = Buffer.allocUnsafe(CHUNK_BYTES + LONGEST_MARKER);

/** git searches by directory, started before discovery so that both run at once. */
export type GitMarkerSearches = ReadonlyMap<string, Promise<Set<string> | undefined>>;

export function startGitMarkerSearches(directories: readonly string[]): GitMarkerSearches {
  return new Map(directories.map((directory) => [directory, gitGrepMarkers(directory)]));
}

/** The absolute paths of the files under `root` git finds a marker in (undefined: git failed), searched now unless `started`. */
export function gitMarkerMatches(started: GitMarkerSearches, root: string): Promise<Set<string> | undefined> {
  return started.get(root) ?? gitGrepMarkers(root);
}

/** Whether text the caller read anyway holds a marker (the same test as the search's, on the decoded text). */
export function hasKeyMarker(text: string): boolean {
  return KEY_MARKERS.some((marker) => text.includes(marker));
}

/** Which of the files may hold a key, searched by git or byte by byte. */
export async function filesWithKeyMarkers(files: readonly DiscoveredFile[], maxBytes: number, started: GitMarkerSearches = new Map()): Promise<DiscoveredFile[]> {
  const byGitRoot = new Map<string, DiscoveredFile[]>();
  const searchHere: DiscoveredFile[] = [];
  for (const file of files) {
    if (file.gitRoot === undefined) searchHere.push(file);
    else if (byGitRoot.has(file.gitRoot)) byGitRoot.get(file.gitRoot)!.push(file);
    else byGitRoot.set(file.gitRoot, [file]);
  }
  await Promise.all(
    [...byGitRoot].map(async ([root, rootFiles]) => {
      const matches = await gitMarkerMatches(started, root);
      // git failed: search all its files here rather than miss a key.
      pushAll(searchHere, (matches === undefined ? rootFiles : rootFiles.filter((file) => matches.has(file.absPath))));
    }),
  );
  return searchHere.filter((file) => isWhereExpected(file) && containsMarker(file.absPath, maxBytes));
}

/** A file discovery took from git's index unchecked is searched only where it really is (no symbolic link on the disk leads elsewhere). */
function isWhereExpected(file: DiscoveredFile): boolean {
  if (file.realPath === undefined) return true;
  try {
    return realpathSync(file.absPath) === file.realPath;
  } catch {
    return false;
  }
}

/**
 * Absolute paths of the files under `root` that git finds a marker in, or undefined when git fails.
 * `-a`, not `-I`: git's `-I` also skips files that .gitattributes marks `binary` or `-diff`,
 * which would hide `*.pem binary`; binary content is judged when the file is read, as everywhere.
 */
async function gitGrepMarkers(root: string): Promise<Set<string> | undefined> {
  const patterns = KEY_MARKERS.flatMap((marker) => ['-e', marker]);
  const run = await runGit(
    ['-c', 'core.fsmonitor=false', 'grep', '-l', '-z', '-a', '-F', '--no-color', '--no-full-name', ...patterns, '--', '.'],
    root,
  );
  // Exit status 1: no file matches.
  if (run === undefined || (run.code !== 0 && run.code !== 1)) return undefined;
  const relPaths = run.stdout.toString('utf8').split('\0').filter((relPath) => relPath !== '');
  return new Set(relPaths.map((relPath) => path.join(root, relPath)));
}

/**
 * A streaming search of a regular, non-binary file of at most `maxBytes`; anything else holds no
 * key we read. Synchronous on purpose, like discovery's lstat loop: searching 20k files (158 MB)
 * added 1.0 s to a scan through the thread pool, 0.2 s in a loop.
 */
export function containsMarker(absPath: string, maxBytes: number): boolean {
  let fd: number;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
  } catch {
    return false;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return false;
    // The tail of the previous chunk is kept, so a marker across a chunk boundary is found.
    let kept = 0;
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, kept, CHUNK_BYTES, null);
      if (bytesRead === 0) return false;
      if (total === 0 && buffer.subarray(0, Math.min(bytesRead, BINARY_PROBE_BYTES)).includes(0)) return false;
      total += bytesRead;
      const window = buffer.subarray(0, kept + bytesRead);
      if (MARKER_BYTES.some((marker) => window.includes(marker))) return true;
      if (total > maxBytes) return false;
      kept = Math.min(LONGEST_MARKER - 1, window.length);
      window.copyWithin(0, window.length - kept);
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
