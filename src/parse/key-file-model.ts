/** The typed model of the files that hold key lines: authorized_keys, known_hosts and *.pub. */
import type { SourceFile, SourceLine } from '../core/source.js';
import type { KeyOption, OptionError } from './key-options.js';
import type { KeyField, Range, ReadKeyFailure } from './read-key.js';
import type { PastedBlock } from './pasted-blocks.js';

export type KeyFileKind = 'authorized_keys' | 'known_hosts' | 'public_key';

/** A hashed host field, `|1|<salt>|<hash>`, as hostfile.c `extract_salt` reads it. */
export interface HashedHostField {
  /** The salt as written, and the 20 bytes it decodes to. */
  saltText: string;
  salt: Uint8Array;
  /** Everything after the salt's `|`, which ssh compares with the base64 HMAC-SHA1 of the name. */
  hash: string;
}

export interface KnownHostsFields {
  marker?: { name: '@cert-authority' | '@revoked'; range: Range };
  /** `hashed` is set exactly when the field starts with `|` (`match_maybe_hashed`): a field that does without a valid salt is rejected. */
  hosts: { text: string; range: Range; hashed?: HashedHostField };
}

export interface KeyEntry {
  key: KeyField;
  /** authorized_keys only. */
  options: readonly KeyOption[];
  optionsRange?: Range;
  /** known_hosts only. */
  knownHosts?: KnownHostsFields;
}

/** Why OpenSSH skips a line, diagnosed as precisely as the line allows. */
export type Rejection =
  | { code: 'bom' }
  | { code: 'pasted-block'; block: PastedBlock }
  | { code: 'split-key'; firstLine: number; lastLine: number; typeName: string }
  | { code: 'space-in-key-data'; spaces: Range[] }
  | { code: 'space-in-options'; spaces: Range[] }
  | { code: 'unterminated-quote'; range: Range }
  | { code: 'option'; error: OptionError }
  | { code: 'key'; failure: ReadKeyFailure }
  | { code: 'wrong-case-type'; range: Range; typeName: string; suggestion: string }
  | { code: 'invalid-marker'; range: Range }
  | { code: 'bad-hash'; range: Range }
  | { code: 'ssh1-key'; range: Range }
  | { code: 'missing-key'; range: Range }
  | { code: 'unparseable'; range: Range };

/** The options of a line that has none: one shared (frozen) array rather than an empty one per key line. */
export const NO_OPTIONS: readonly KeyOption[] = Object.freeze([]);

/** What OpenSSH makes of one line. */
export type LineVerdict =
  | { status: 'ignored' }
  | { status: 'parsed'; entry: KeyEntry }
  | { status: 'rejected'; rejection: Rejection };

export type KeyLine = LineVerdict & { line: SourceLine };

/** The verdict placed at its line; a literal per status, as a spread copy is several times the size and a 100,000-line model keeps them all. */
export function atLine(verdict: LineVerdict, line: SourceLine): KeyLine {
  switch (verdict.status) {
    case 'ignored':
      return { status: 'ignored', line };
    case 'parsed':
      return { status: 'parsed', entry: verdict.entry, line };
    case 'rejected':
      return { status: 'rejected', rejection: verdict.rejection, line };
  }
}

export interface KeyFileModel {
  kind: KeyFileKind;
  source: SourceFile;
  lines: KeyLine[];
  /** Armoured blocks pasted into the file (RFC 4716, PEM, PuTTY). */
  blocks: PastedBlock[];
}
