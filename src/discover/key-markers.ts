/**
 * Which files may hold a private key: those containing a marker every key's armour has. Only
 * these are read and parsed, so scanning every file costs about one `git grep`. In a git work
 * tree git searches the tracked files; files it did not search (untracked, named on the command
 * line, outside git, reached through a symbolic link) are searched here, byte by byte. Binary and
 * oversized files among git's matches are left out when they are read, as everywhere. The same
 * `git grep` also finds the tracked YAML files that may be setup code (SETUP_YAML_MARKERS), so
 * that the others are not read.
 */
import { closeSync, fstatSync, readSync } from 'node:fs';
import path from 'node:path';
import type { DiscoveredFile } from './discover.js';
import { runGit } from './git-files.js';
import { BINARY_PROBE_BYTES, openWhereExpected, type ReadLimits } from './read-file.js';
import { addToGroup, pushAll } from '../core/collections.js';
import { SETUP_YAML_MARKERS } from './kinds.js';

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

/** Which of the files may hold a key: git's matches, and what a byte search finds in the files git did not search. */
export async function filesWithKeyMarkers(
  files: readonly DiscoveredFile[],
  limits: Pick<ReadLimits, 'maxBytes' | 'realDirectories'>,
  started: GitMarkerSearches = new Map(),
): Promise<DiscoveredFile[]> {
  const byGitRoot = new Map<string, DiscoveredFile[]>();
  const searchHere: DiscoveredFile[] = [];
  const found: DiscoveredFile[] = [];
  for (const file of files) {
    if (file.gitRoot === undefined) searchHere.push(file);
    else addToGroup(byGitRoot, file.gitRoot, file);
  }
  await Promise.all(
    [...byGitRoot].map(async ([root, rootFiles]) => {
      const matches = await gitMarkerMatches(started, root);
      // git failed: search all its files here rather than miss a key.
      if (matches === undefined) pushAll(searchHere, rootFiles);
      else pushAll(found, rootFiles.filter((file) => matches.has(file.absPath)));
    }),
  );
  pushAll(found, searchHere.filter((file) => containsMarker(file, limits)));
  return found;
}

/**
 * Absolute paths of the files under `root` that git finds a marker in (of a key or of setup YAML), or undefined when git fails.
 * `-a`, not `-I`: git's `-I` also skips files that .gitattributes marks `binary` or `-diff`,
 * which would hide `*.pem binary`; binary content is judged when the file is read, as everywhere.
 */
async function gitGrepMarkers(root: string): Promise<Set<string> | undefined> {
  const patterns = [...KEY_MARKERS, ...SETUP_YAML_MARKERS].flatMap((marker) => ['-e', marker]);
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
export function containsMarker(file: Pick<DiscoveredFile, 'absPath' | 'realPath'>, limits: Pick<ReadLimits, 'maxBytes' | 'realDirectories'>): boolean {
  // A file taken from git's index unchecked is searched only where it really is.
  const fd = openWhereExpected(file.absPath, file.realPath === undefined ? limits : { ...limits, realPath: file.realPath });
  if (typeof fd !== 'number') return false;
  const { maxBytes } = limits;
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
