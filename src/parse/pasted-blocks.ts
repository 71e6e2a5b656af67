/**
 * Armoured key blocks that people paste where one-line keys belong: RFC 4716 public keys
 * (`ssh-keygen -e`), PEM/PKCS#8 keys, OpenSSH private keys and PuTTY .ppk files.
 */
import type { SourceLine } from '../core/source.js';

export type BlockKind = 'rfc4716-public' | 'pem-public' | 'private-key' | 'putty-private-key' | 'other-armour';

export interface PastedBlock {
  kind: BlockKind;
  /** The label, e.g. `OPENSSH PRIVATE KEY` or `PuTTY-User-Key-File-3`. */
  label: string;
  firstLine: number;
  lastLine: number;
  /** The block has no END line: it runs to the last line that still looks like part of it. */
  unterminated: boolean;
}

const BEGIN = /^\s*(-{4,5}) ?BEGIN ([A-Z0-9 ]+?) ?-{4,5}\s*$/;
const PUTTY = /^\s*(PuTTY-User-Key-File-\d+):/;

function classify(label: string): BlockKind {
  if (label === 'SSH2 PUBLIC KEY') return 'rfc4716-public';
  if (label.includes('PRIVATE KEY')) return 'private-key';
  if (label.endsWith('PUBLIC KEY')) return 'pem-public';
  return 'other-armour';
}

/** Lines that can continue a block: base64, `Header: value` lines and their continuations. */
function looksLikeBlockBody(text: string): boolean {
  // trim() removes exactly what \s matches; `^\s*[…]*\s*$` backtracked quadratically on long blank runs.
  return /^[A-Za-z0-9+/=]*$/.test(text.trim()) || /^\s*[A-Za-z0-9-]+:/.test(text) || /\\$/.test(text);
}

export function findPastedBlocks(lines: readonly SourceLine[]): PastedBlock[] {
  const blocks: PastedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!.text;
    const begin = BEGIN.exec(text);
    const putty = begin ? undefined : PUTTY.exec(text);
    if (!begin && !putty) {
      i++;
      continue;
    }
    const label = begin ? begin[2]! : putty![1]!;
    const kind: BlockKind = begin ? classify(label) : 'putty-private-key';
    const isEnd = (t: string): boolean =>
      begin ? new RegExp(`^\\s*-{4,5} ?END ${label} ?-{4,5}\\s*$`).test(t) : /^\s*Private-MAC:/.test(t);
    let j = i + 1;
    let terminated = false;
    while (j < lines.length) {
      const body = lines[j]!.text;
      if (isEnd(body)) {
        terminated = true;
        break;
      }
      if (!looksLikeBlockBody(body)) break;
      j++;
    }
    const lastLine = terminated ? j : j - 1;
    blocks.push({ kind, label, firstLine: lines[i]!.number, lastLine: lines[lastLine]!.number, unterminated: !terminated });
    i = lastLine + 1;
  }
  return blocks;
}
