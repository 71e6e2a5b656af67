import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkListing {
  /** Every non-directory entry that no .gitignore excludes, relative to the walked directory with `/`. */
  relPaths: string[];
  /** Directories whose entries could not be read ('' for the walked directory itself). */
  unreadableDirs: string[];
}

/** A .gitignore and the directory it sits in ('' for the walked directory). */
interface GitignoreLevel {
  base: string;
  matcher: Ignore;
}

/*
 * The listing for a directory outside any git work tree. A plain walk rather than fast-glob:
 * picomatch's `**` never matches a name containing a newline (such files, and everything under
 * such directories, went missing), and a walk can prune ignored directories instead of listing
 * them first. Symbolic links are listed, never followed: the caller checks their targets.
 */
export async function listFilesWithoutGit(dir: string, skippedNames: readonly string[]): Promise<WalkListing> {
  const listing: WalkListing = { relPaths: [], unreadableDirs: [] };
  await walk(dir, '', [], skippedNames, listing);
  return listing;
}

async function walk(root: string, relDir: string, inherited: GitignoreLevel[], skippedNames: readonly string[], listing: WalkListing): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, relDir), { withFileTypes: true });
  } catch {
    listing.unreadableDirs.push(relDir);
    return;
  }
  const hasGitignore = entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory());
  const levels = hasGitignore ? [...inherited, await loadGitignore(root, relDir)] : inherited;
  const subdirectories: Promise<void>[] = [];
  for (const entry of entries) {
    if (skippedNames.includes(entry.name)) continue;
    const relPath = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    const isDirectory = entry.isDirectory();
    // Git never looks inside an excluded directory, so pruning it here is also what makes its
    // files impossible to re-include, as in git.
    if (isIgnored(levels, relPath, isDirectory)) continue;
    if (isDirectory) subdirectories.push(walk(root, relPath, levels, skippedNames, listing));
    else listing.relPaths.push(relPath);
  }
  await Promise.all(subdirectories);
}

async function loadGitignore(root: string, relDir: string): Promise<GitignoreLevel> {
  // An unreadable .gitignore ignores nothing, as in git.
  const text = await readFile(path.join(root, relDir, '.gitignore'), 'utf8').catch(() => '');
  return { base: relDir, matcher: ignore().add(text) };
}

/** Git's precedence: a deeper .gitignore overrides a shallower one, and within one the last matching rule wins. */
function isIgnored(levels: GitignoreLevel[], relPath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher } of levels) {
    const local = (base === '' ? relPath : relPath.slice(base.length + 1)) + (isDirectory ? '/' : '');
    const verdict = matcher.test(local);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
