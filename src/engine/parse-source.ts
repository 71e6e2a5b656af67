/** Kind → parser. Each parser turns a SourceFile into the typed model its rules read. */
import type { FileKind } from '../core/file-kind.js';
import type { SourceFile } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import { parseAuthorizedKeys } from '../parse/authorized-keys.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import { parseKnownHosts } from '../parse/known-hosts.js';

export type Model = KeyFileModel;

/** Undefined for kinds that have no parser yet. */
export function parseSource(source: SourceFile, kind: FileKind, version: OpenSSHVersion): Model | undefined {
  switch (kind) {
    case 'authorized_keys':
    case 'public_key':
      return parseAuthorizedKeys(source, version, kind);
    case 'known_hosts':
      return parseKnownHosts(source, version);
    default:
      return undefined;
  }
}
