/**
 * A configuration as OpenSSH assembles it: the main file with every `Include` expanded at the
 * position of its line (glob results in lexical order), included files keeping the Match state
 * of the line that included them, and a drop-in's own trailing `Match` ending with the drop-in.
 * Paths are mapped into the scanned repository: the main file's folder stands for /etc/ssh.
 */
import type { ConfigKind, Directive, ConfigFileModel } from './config-model.js';
import type { DirectiveVerdict } from './directive-verdict.js';

export const MAX_INCLUDE_DEPTH = 16; // SERVCONF_MAX_DEPTH, READCONF_MAX_DEPTH

/** Reads the repository, never the machine: the engine backs this with the scanned tree. */
export interface IncludeResolver {
  /**
   * The repository files a pattern names, as glob(3) would list them (lexical order), or
   * `outside` when the pattern points somewhere the repository does not hold.
   */
  expand(pattern: string, includingFile: ConfigFileModel, mainFile: ConfigFileModel): Promise<{ files: string[] } | { outside: string }>;
  load(path: string): Promise<ConfigFileModel | undefined>;
}

export interface TreeEntry {
  directive: Directive;
  file: ConfigFileModel;
  /** The Match/Host block in force: the directive's own, or the one around the Include that brought its file in. */
  block?: Directive;
  /** The Include lines that led here, outermost first. */
  via: Directive[];
}

export type IncludeProblem =
  | { code: 'too-deep'; directive: Directive; file: ConfigFileModel }
  | { code: 'outside-repository'; directive: Directive; file: ConfigFileModel; pattern: string; reason: string }
  | { code: 'no-match'; directive: Directive; file: ConfigFileModel; pattern: string }
  | { code: 'unreadable'; directive: Directive; file: ConfigFileModel; path: string };

export interface ConfigTree {
  main: ConfigFileModel;
  entries: TreeEntry[];
  /** Every file that takes part, the main file first. */
  files: ConfigFileModel[];
  problems: IncludeProblem[];
}

/** A configuration as OpenSSH reads it: the main file with its Includes, every directive judged. */
export interface ConfigAnalysis {
  kind: ConfigKind;
  tree: ConfigTree;
  verdicts: ReadonlyMap<Directive, DirectiveVerdict>;
}

export async function buildConfigTree(main: ConfigFileModel, resolver: IncludeResolver): Promise<ConfigTree> {
  const tree: ConfigTree = { main, entries: [], files: [main], problems: [] };
  const expand = async (file: ConfigFileModel, outerBlock: Directive | undefined, via: Directive[], chain: ConfigFileModel[]): Promise<void> => {
    for (const directive of file.directives) {
      const block = isBlockStart(directive, file) ? directive : (directive.block ?? outerBlock);
      tree.entries.push(block ? { directive, file, block, via } : { directive, file, via });
      if (directive.keyword.toLowerCase() !== 'include') continue;
      for (const arg of directive.args) {
        const found = await resolver.expand(arg.value, file, main);
        if ('outside' in found) {
          tree.problems.push({ code: 'outside-repository', directive, file, pattern: arg.value, reason: found.outside });
          continue;
        }
        if (found.files.length === 0) tree.problems.push({ code: 'no-match', directive, file, pattern: arg.value });
        for (const path of found.files) {
          const included = await resolver.load(path);
          if (!included) {
            tree.problems.push({ code: 'unreadable', directive, file, path });
            continue;
          }
          // A file that includes itself, directly or not, recurses until OpenSSH's depth limit: fatal.
          if (chain.includes(included) || via.length + 1 > MAX_INCLUDE_DEPTH) {
            tree.problems.push({ code: 'too-deep', directive, file });
            continue;
          }
          if (!tree.files.includes(included)) tree.files.push(included);
          await expand(included, block, [...via, directive], [...chain, included]);
        }
      }
    }
  };
  await expand(main, undefined, [], [main]);
  return tree;
}

function isBlockStart(directive: Directive, file: ConfigFileModel): boolean {
  const keyword = directive.keyword.toLowerCase();
  return keyword === 'match' || (file.kind === 'ssh_config' && keyword === 'host');
}
