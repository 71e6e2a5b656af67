/**
 * Splits a configuration file into directives and the blocks they belong to. A `Match` (or, in
 * ssh_config, `Host`) block runs to the next `Match`/`Host` line or the end of the file: there is
 * no end marker, so a line appended at the bottom after a block silently belongs to that block.
 */
import type { SourceFile } from '../../core/source.js';
import { compareReleases } from '../../core/version.js';
import { NEWEST_RELEASE } from '../../openssh/releases.js';
import type { ConfigFileModel, ConfigKind, ConfigLine, Directive } from './config-model.js';
import { tokenizeConfigLine } from './tokenize-line.js';

function startsBlock(kind: ConfigKind, keyword: string): boolean {
  const lower = keyword.toLowerCase();
  return lower === 'match' || (kind === 'ssh_config' && lower === 'host');
}

/** `release` selects the tokenizer: OpenSSH 8.6 and older split arguments differently. */
export function parseConfigFile(source: SourceFile, kind: ConfigKind, release: string = NEWEST_RELEASE): ConfigFileModel {
  const legacy = compareReleases(release, '8.7') < 0;
  const lines: ConfigLine[] = [];
  const directives: Directive[] = [];
  let block: Directive | undefined;
  for (const line of source.lines) {
    // OpenSSH does not strip a byte-order mark: it becomes part of the first keyword.
    const text = line.number === 1 && source.hasBom ? `\uFEFF${line.text}` : line.text;
    const shift = text.length - line.text.length;
    const tokens = tokenizeConfigLine(text, legacy);
    if (tokens.kind === 'empty') {
      lines.push({ status: 'ignored', line });
      continue;
    }
    const keywordRange = { start: Math.max(0, tokens.keywordRange.start - shift), end: Math.max(0, tokens.keywordRange.end - shift) };
    if (tokens.kind === 'no-argument') {
      lines.push({ status: 'rejected', line, problem: 'no-argument', keyword: tokens.keyword, keywordRange });
      continue;
    }
    if (tokens.kind === 'invalid-quotes') {
      lines.push({ status: 'rejected', line, problem: 'invalid-quotes', keyword: tokens.keyword, keywordRange, at: Math.max(0, tokens.quoteStart - shift) });
      continue;
    }
    const directive: Directive = {
      file: source.path,
      line,
      keyword: tokens.keyword,
      keywordRange,
      args: tokens.args.map((arg) => ({ value: arg.value, range: { start: arg.range.start - shift, end: arg.range.end - shift } })),
      rest: tokens.rest,
      restRange: { start: tokens.restRange.start - shift, end: tokens.restRange.end - shift },
    };
    if (startsBlock(kind, tokens.keyword)) block = directive;
    else if (block) directive.block = block;
    directives.push(directive);
    lines.push({ status: 'directive', line, directive });
  }
  return { kind, source, lines, directives };
}
