/**
 * The kind of a file named on the command line whose name says nothing: decided from its
 * first meaningful line, only when that is unambiguous.
 */
import type { FileKind } from '../core/file-kind.js';
import type { SourceFile } from '../core/source.js';
import type { OpenSSHVersion } from '../core/version.js';
import { CONTENT_SNIFF_BYTES, kindFromContent, setupKindFromContent } from '../discover/kinds.js';
import { parseAuthorizedKeysLine } from '../parse/authorized-keys.js';
import { parseKnownHostsLine } from '../parse/known-hosts.js';

export function sniffKind(source: SourceFile, version: OpenSSHVersion): FileKind | undefined {
  const head = source.text.slice(0, CONTENT_SNIFF_BYTES);
  const byMarker = kindFromContent(head) ?? setupKindFromContent(head);
  if (byMarker) return byMarker;
  const first = source.lines.find((line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#'));
  if (!first) return undefined;
  if (parseAuthorizedKeysLine(first.text, version).status === 'parsed') return 'authorized_keys';
  if (parseKnownHostsLine(first.text, version).status === 'parsed') return 'known_hosts';
  return undefined;
}
