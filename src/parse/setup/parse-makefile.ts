/**
 * A Makefile: each recipe line (tab-started, with its `\` continuations) is a shell script of
 * its own, scoped to its target. make expands `$(VAR)`, `${VAR}` and `$X` first, inside quotes
 * too, so those are unknown; `$$` reaches the shell as `$`. The `@`, `-`, `+` prefixes are make's.
 */
import type { SourceFile } from '../../core/source.js';
import { emptySetupModel, type LineOrigin, type SetupFileModel, type ShellCommand } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { shellCommands } from './shell/shell-commands.js';
import { DROPPED_CHAR, UNKNOWN_CHAR, shellText } from './shell/shell-text.js';
import { pushAll } from '../../core/collections.js';

const RULE = /^([^\s:#=][^:#=]*?)\s*::?(?!=)/;

export function parseMakefile(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('makefile', source);
  const commands: ShellCommand[] = [];
  let target: string | undefined;
  let inDefine = false;
  const lines = source.lines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (/^\s*define\b/.test(text)) inDefine = true;
    if (inDefine) {
      if (/^\s*endef\b/.test(text)) inDefine = false;
      continue;
    }
    if (!text.startsWith('\t')) {
      const rule = RULE.exec(text);
      if (rule) target = rule[1]!.split(/\s+/)[0];
      else if (text.trim() !== '' && !text.trimStart().startsWith('#')) target = undefined;
      continue;
    }
    if (target === undefined) continue;
    const texts: string[] = [];
    const origins: LineOrigin[] = [];
    for (;;) {
      const line = lines[i]!.text;
      const prefix = texts.length === 0 ? /^\t[\s@+-]*/.exec(line)![0].length : line.startsWith('\t') ? 1 : 0;
      texts.push(line.slice(prefix));
      origins.push({ line: i + 1, columnOffset: prefix });
      if (!/\\$/.test(line) || i + 1 >= lines.length) break;
      i++;
    }
    pushAll(commands, shellCommands(shellText(texts.join('\n'), origins, maskMake), target));
  }
  addShellFacts(model, commands);
  return model;
}

/** make's own expansions: `$$` → the shell's `$`; `$(…)`, `${…}`, `$X` → unknown. */
function maskMake(text: string): string {
  let masked = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') {
      masked += text[i];
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      masked += `${DROPPED_CHAR}$`;
      i++;
      continue;
    }
    let end = i + 2;
    if (next === '(' || next === '{') {
      const close = next === '(' ? ')' : '}';
      let level = 0;
      for (end = i + 1; end < text.length; end++) {
        if (text[end] === next) level++;
        else if (text[end] === close && --level === 0) break;
      }
      end = Math.min(end + 1, text.length);
    }
    masked += text.slice(i, end).replace(/[^\n]/g, UNKNOWN_CHAR);
    i = end - 1;
  }
  return masked;
}
