/**
 * `sshkey_read()` from OpenSSH's sshkey.c, which every key-holding file goes through:
 * `keytype base64 [comment]`, the type an exact, case-sensitive name; the blob up to the
 * next space or tab; the blob's own type must equal the label (and, for ECDSA, the curve).
 */
import { decodeBase64 } from '../ssh/base64.js';
import { decodeKeyBlob, type BlobError, type DecodedKey } from '../ssh/key-blob.js';
import { isKnownIn, keyTypeByName, signatureAlgorithmByName, type KeyType } from '../ssh/key-types.js';
import { formatVersion, type OpenSSHVersion } from '../core/version.js';

/** Half-open character range [start, end) within a line. */
export interface Range {
  start: number;
  end: number;
}

export interface KeyField {
  typeName: string;
  readonly typeRange: Range;
  typeInfo: KeyType;
  base64: string;
  readonly base64Range: Range;
  key: DecodedKey;
  comment: string;
  readonly commentRange: Range;
}

/**
 * A key as readKey finds it. A model keeps one per key line, and few are ever pointed at, so the
 * ranges are made on demand from where each field starts (its text gives its length): three
 * objects fewer per line (14 MB of a 100,000-key file's model).
 */
class FoundKey implements KeyField {
  constructor(
    readonly typeName: string,
    readonly typeInfo: KeyType,
    readonly base64: string,
    readonly key: DecodedKey,
    readonly comment: string,
    private readonly typeStart: number,
    private readonly base64Start: number,
    private readonly commentStart: number,
  ) {}

  get typeRange(): Range {
    return { start: this.typeStart, end: this.typeStart + this.typeName.length };
  }

  get base64Range(): Range {
    return { start: this.base64Start, end: this.base64Start + this.base64.length };
  }

  get commentRange(): Range {
    return { start: this.commentStart, end: this.commentStart + this.comment.length };
  }
}

export type ReadKeyFailure =
  | { code: 'no-key-data'; typeRange: Range; typeInfo?: KeyType } // `ssh-ed25519` alone: nothing after the type
  | { code: 'unknown-type'; typeRange: Range; typeName: string }
  | { code: 'type-unavailable'; typeRange: Range; typeInfo: KeyType } // known, but not in the target version
  | { code: 'invalid-base64'; typeRange: Range; base64Range: Range; typeInfo: KeyType }
  | { code: 'invalid-blob'; typeRange: Range; base64Range: Range; typeInfo: KeyType; error: BlobError }
  | { code: 'type-mismatch'; typeRange: Range; base64Range: Range; typeInfo: KeyType; key: DecodedKey };

export type ReadKeyResult = { ok: true; field: KeyField } | { ok: false; failure: ReadKeyFailure };

export function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

const SPACE = 0x20;
const TAB = 0x09;

/** Index of the first space or tab at or after `from` (or the end); native searches, as key blobs are long. */
export function tokenEnd(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  const tab = text.indexOf('\t', from);
  const end = space === -1 ? tab : tab === -1 ? space : Math.min(space, tab);
  return end === -1 ? text.length : end;
}

export function skipBlanks(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === SPACE || c === TAB; c = text.charCodeAt(++i));
  return i;
}

/** Reads a key starting at `start` in `text`, exactly as sshkey_read does for the target version. */
export function readKey(text: string, start: number, version: OpenSSHVersion): ReadKeyResult {
  const typeEnd = tokenEnd(text, start);
  const typeRange = { start, end: typeEnd };
  const typeName = text.slice(start, typeEnd);
  const typeInfo = keyTypeByName(typeName);
  const release = formatVersion(version);
  // sshd fails on a missing blank before it looks the type up; the verdict is the same either way.
  if (typeEnd === text.length) return { ok: false, failure: typeInfo ? { code: 'no-key-data', typeRange, typeInfo } : { code: 'no-key-data', typeRange } };
  // peek_type_nid knows only its release's names: an alias (webauthn-…-cert-v01, 10.3) can be newer than its key type.
  const alias = signatureAlgorithmByName(typeName);
  if (!typeInfo || (alias && !isKnownIn(alias, release))) {
    return { ok: false, failure: { code: 'unknown-type', typeRange, typeName } };
  }
  if (!isKnownIn(typeInfo, release)) {
    return { ok: false, failure: { code: 'type-unavailable', typeRange, typeInfo } };
  }
  const blobStart = skipBlanks(text, typeEnd);
  if (blobStart === text.length) return { ok: false, failure: { code: 'no-key-data', typeRange, typeInfo } };
  const blobEnd = tokenEnd(text, blobStart);
  const base64Range = { start: blobStart, end: blobEnd };
  const base64 = text.slice(blobStart, blobEnd);
  const blob = decodeBase64(base64);
  if (!blob) return { ok: false, failure: { code: 'invalid-base64', typeRange, base64Range, typeInfo } };
  const decoded = decodeKeyBlob(blob, { openssh: release });
  if (!decoded.ok) {
    return { ok: false, failure: { code: 'invalid-blob', typeRange, base64Range, typeInfo, error: decoded.error } };
  }
  const key = decoded.key;
  // sshd compares the key type (and, for ECDSA, the curve), not the spelling inside the blob.
  if (key.family !== typeInfo.family || key.certificate !== typeInfo.certificate || key.curve !== typeInfo.curve) {
    return { ok: false, failure: { code: 'type-mismatch', typeRange, base64Range, typeInfo, key } };
  }
  const commentStart = skipBlanks(text, blobEnd);
  // The table's own string (the label nearly always is the type's name): one string fewer per line a model keeps.
  const label = typeName === typeInfo.name ? typeInfo.name : typeName;
  return { ok: true, field: new FoundKey(label, typeInfo, base64, key, text.slice(commentStart), start, blobStart, commentStart) };
}
