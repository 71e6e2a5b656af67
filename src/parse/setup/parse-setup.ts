/** Setup kind → parser. Each parser extracts the commands, embedded SSH files and facts of its kind of file. */
import type { SetupKind } from '../../core/file-kind.js';
import type { SourceFile } from '../../core/source.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { parseMakefile } from './parse-makefile.js';
import { parseShellScript } from './parse-shell-script.js';
import { parseWorkflow } from './parse-workflow.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';

export function parseSetupSource(source: SourceFile, kind: SetupKind): SetupFileModel {
  switch (kind) {
    case 'workflow':
      return parseWorkflow(source);
    case 'shell_script':
      return parseShellScript(source);
    case 'dockerfile':
      return parseDockerfile(source);
    case 'makefile':
      return parseMakefile(source);
    default:
      return emptySetupModel(kind, source);
  }
}
