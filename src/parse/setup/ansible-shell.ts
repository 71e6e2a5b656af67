/**
 * The commands of Ansible's `shell`, `command` and `raw` tasks, lexed with their positions in the
 * playbook. Jinja is rendered before anything runs, so every word touching `{{ … }}` is unknown.
 * `command` runs its words without a shell: a line that needs one (a redirection, a pipe, `;`)
 * does not do what it says, so it is left unjudged.
 */
import { isSeq } from 'yaml';
import type { SourceFile } from '../../core/source.js';
import type { AnsibleTask } from './ansible-tasks.js';
import type { ShellCommand, ShellWord } from './setup-model.js';
import { argvCommands, shellCommands } from './shell/shell-commands.js';
import { lexShell } from './shell/shell-lexer.js';
import { maskMatches, shellText, type ShellText } from './shell/shell-text.js';
import { JINJA, scalarWord, type YamlSource } from './yaml-source.js';

/** Options Ansible takes out of a free-form command line (`chdir=/tmp ssh-keyscan …`); the rest is the command. */
const FREE_FORM_OPTION = /(?<=^|\s)(?:creates|removes|chdir|executable|warn|stdin|stdin_add_newline|strip_empty_ends|expand_argument_vars)=(?:"[^"]*"|'[^']*'|\S*)/g;
const POSIX_SHELL = /(?:^|\/)(?:ba|da|k|z)?sh$/;

export function ansibleShellCommands(task: AnsibleTask, yaml: YamlSource, source: SourceFile): ShellCommand[] {
  const executable = task.args.get('executable');
  if (executable && (executable.value === undefined || !POSIX_SHELL.test(executable.value))) return [];
  const script = task.freeForm ?? task.args.get('cmd')?.text;
  if (script) {
    const text = shellText(script.text, script.origins, (written) => maskMatches(written, JINJA).replace(FREE_FORM_OPTION, (option) => ' '.repeat(option.length)));
    return task.module === 'command' && !runsWithoutShell(text) ? [] : shellCommands(text);
  }
  const argv = task.module === 'command' ? task.args.get('argv')?.node : undefined;
  const words = isSeq(argv) ? argv.items.map((item) => scalarWord(yaml, source, item)) : [];
  return words.length > 0 && words.every((word) => word !== undefined) ? argvCommands(words as ShellWord[]) : [];
}

/** One simple command without redirections or pipes: what `command` runs is what the line says. */
function runsWithoutShell(text: ShellText): boolean {
  const commands = lexShell(text);
  return commands.length === 1 && commands[0]!.redirects.length === 0 && commands[0]!.pipedTo === undefined;
}
