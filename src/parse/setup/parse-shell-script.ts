/** A shell script: every line is shell, positions are the file's own. */
import type { SourceFile } from '../../core/source.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';
import { addShellFacts } from './shell-facts.js';
import { shellCommands } from './shell/shell-commands.js';
import { shellText } from './shell/shell-text.js';

export function parseShellScript(source: SourceFile): SetupFileModel {
  const model = emptySetupModel('shell_script', source);
  const origins = source.text.split('\n').map((_, i) => ({ line: i + 1, columnOffset: 0 }));
  addShellFacts(model, shellCommands(shellText(source.text, origins)));
  return model;
}
