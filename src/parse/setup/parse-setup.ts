/** Setup kind → parser. Each parser extracts the commands, embedded SSH files and facts of its kind of file. */
import type { SetupKind } from '../../core/file-kind.js';
import type { SourceFile } from '../../core/source.js';
import { emptySetupModel, type SetupFileModel } from './setup-model.js';

export function parseSetupSource(source: SourceFile, kind: SetupKind): SetupFileModel {
  switch (kind) {
    default:
      return emptySetupModel(kind, source);
  }
}
