/** Setup kind → parser. Each parser extracts the commands, embedded SSH files and facts of its kind of file. */
import type { SetupKind } from '../../core/file-kind.js';
import type { SourceFile } from '../../core/source.js';
import { parseAnsible } from './ansible.js';
import { parseCloudInit } from './cloud-init.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';
import { parseTerraform } from './terraform.js';

export function parseSetupSource(source: SourceFile, kind: SetupKind): SetupFileModel {
  switch (kind) {
    case 'ansible':
      return parseAnsible(source);
    case 'cloud_init':
      return parseCloudInit(source);
    case 'terraform':
      return parseTerraform(source);
    default:
      return emptySetupModel(kind, source);
  }
}
