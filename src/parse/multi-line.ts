/**
 * Problems that span lines: a pasted armour block, or a key wrapped by an editor or a
 * terminal. OpenSSH skips each piece on its own; the diagnosis names the whole.
 */
import { formatVersion, type OpenSSHVersion } from '../core/version.js';
import { decodeBase64 } from '../ssh/base64.js';
import { decodeKeyBlob } from '../ssh/key-blob.js';
import type { KeyLine } from './key-file-model.js';
import type { PastedBlock } from './pasted-blocks.js';
import { skipBlanks, tokenEnd } from './read-key.js';

const MAX_PIECES = 64;
const BASE64_PIECE = /^[A-Za-z0-9+/=]+$/;

export function attachMultiLineRejections(lines: KeyLine[], blocks: readonly PastedBlock[], version: OpenSSHVersion): KeyLine[] {
  const result = [...lines];
  for (const block of blocks) {
    for (let n = block.firstLine; n <= block.lastLine; n++) {
      const entry = result[n - 1]!;
      if (entry.status === 'rejected') result[n - 1] = { status: 'rejected', line: entry.line, rejection: { code: 'pasted-block', block } };
    }
  }
  for (let i = 0; i < result.length; i++) {
    const last = findSplitKey(result, i, version);
    if (last === undefined) continue;
    const head = result[i]!;
    const typeName = head.line.text.slice(skipBlanks(head.line.text, 0), tokenEnd(head.line.text, skipBlanks(head.line.text, 0)));
    for (let n = i; n <= last; n++) {
      result[n] = { status: 'rejected', line: result[n]!.line, rejection: { code: 'split-key', firstLine: i + 1, lastLine: last + 1, typeName } };
    }
    i = last;
  }
  return result;
}

/** If line `i` starts a key whose blob continues on the next lines, the index of the last piece. */
function findSplitKey(lines: readonly KeyLine[], i: number, version: OpenSSHVersion): number | undefined {
  const head = lines[i]!;
  if (head.status !== 'rejected' || head.rejection.code !== 'key') return undefined;
  const failure = head.rejection.failure;
  if (failure.code !== 'invalid-base64' && failure.code !== 'invalid-blob' && failure.code !== 'no-key-data') return undefined;
  const text = head.line.text;
  const typeInfo = failure.typeInfo;
  if (!typeInfo) return undefined;
  let joined = failure.code === 'no-key-data' ? '' : text.slice(failure.base64Range.start, failure.base64Range.end);
  for (let j = i + 1; j < lines.length && j - i <= MAX_PIECES; j++) {
    const piece = lines[j]!;
    if (piece.status !== 'rejected') return undefined;
    const start = skipBlanks(piece.line.text, 0);
    const token = piece.line.text.slice(start, tokenEnd(piece.line.text, start));
    if (!BASE64_PIECE.test(token)) return undefined;
    joined += token;
    const blob = decodeBase64(joined);
    const decoded = blob && decodeKeyBlob(blob, { openssh: formatVersion(version) });
    if (decoded && decoded.ok && decoded.key.family === typeInfo.family && decoded.key.certificate === typeInfo.certificate) {
      return j;
    }
  }
  return undefined;
}
