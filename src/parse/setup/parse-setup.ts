/** Setup kind → parser. Each parser extracts the commands, embedded SSH files and facts of its kind of file. */
import type { SetupKind } from '../../core/file-kind.js';
import type { SourceFile } from '../../core/source.js';
import { parseAnsible } from './ansible.js';
import { parseCloudInit } from './cloud-init.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { parseMakefile } from './parse-makefile.js';
import { parseShellScript } from './parse-shell-script.js';
import { parseWorkflow } from './parse-workflow.js';
import type { SetupFileModel } from './setup-model.js';
import { parseTerraform } from './terraform.js';

export function parseSetupSource(source: SourceFile, kind: SetupKind): SetupFileModel {
  switch (kind) {
    case 'ansible':
      return parseAnsible(source);
    case 'cloud_init':
      return parseCloudInit(source);
    case 'terraform':
      return parseTerraform(source);
    case 'workflow':
      return parseWorkflow(source);
    case 'shell_script':
      return parseShellScript(source);
    case 'dockerfile':
      return parseDockerfile(source);
    case 'makefile':
      return parseMakefile(source);
  }
}
