/**
 * Resolves `Include` lines inside the scanned repository, never on the machine running sshlint:
 * the main file's folder stands for /etc/ssh (sshd) or ~/.ssh and /etc/ssh (ssh), so
 * `Include /etc/ssh/sshd_config.d/*.conf` reads the drop-in folder beside the main file, or the
 * repository's own etc/ssh/sshd_config.d/. Other absolute paths are looked up under the root.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { ConfigFileModel } from '../parse/config/config-model.js';
import type { IncludeResolver } from '../parse/config/config-tree.js';

const SSH_DIR = '/etc/ssh/';

export interface RepositoryIncludeOptions {
  /** Directory that display paths are relative to. */
  cwd: string;
  /** The scanned root: nothing outside it is ever read. */
  root: string;
  load(displayPath: string): Promise<ConfigFileModel | undefined>;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Candidate patterns (relative to cwd) for an Include argument, most specific first. */
export function mapIncludePattern(pattern: string, mainFile: string, root: string, cwd: string): string[] | { outside: string } {
  if (pattern.startsWith('~')) return { outside: 'a home-directory path, which depends on the user running ssh' };
  // The folders are literal; only the Include argument is a pattern.
  const mainDir = fg.escapePath(path.posix.dirname(mainFile));
  const rootRelative = fg.escapePath(toPosix(path.relative(cwd, root)) || '.');
  if (!pattern.startsWith('/')) return [path.posix.join(mainDir, pattern)];
  if (pattern.startsWith(SSH_DIR)) {
    const rest = pattern.slice(SSH_DIR.length);
    return [...new Set([path.posix.join(mainDir, rest), path.posix.join(rootRelative, 'etc/ssh', rest)])];
  }
  return [path.posix.join(rootRelative, pattern.slice(1))];
}

export function repositoryIncludeResolver(options: RepositoryIncludeOptions): IncludeResolver {
  const rootReal = realpathSync(options.root);
  const inside = (displayPath: string): boolean => {
    try {
      const real = realpathSync(path.resolve(options.cwd, displayPath));
      return real === rootReal || real.startsWith(rootReal + path.sep);
    } catch {
      return false;
    }
  };
  return {
    async expand(pattern, _includingFile, mainFile) {
      const candidates = mapIncludePattern(pattern, mainFile.source.path, options.root, options.cwd);
      if ('outside' in candidates) return candidates;
      for (const candidate of candidates) {
        if (candidate.startsWith('../')) continue;
        // glob(3) without GLOB_PERIOD: a leading dot is never matched by a wildcard; results sorted bytewise.
        const files = (await fg(candidate, { cwd: options.cwd, dot: false, onlyFiles: false, followSymbolicLinks: false, unique: true }))
          .filter(inside)
          .sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
        if (files.length > 0) return { files };
      }
      return pattern.startsWith('/') && !pattern.startsWith(SSH_DIR)
        ? { outside: 'an absolute path the repository does not hold' }
        : { files: [] };
    },
    load: options.load,
  };
}
