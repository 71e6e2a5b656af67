/**
 * Why a key line that OpenSSH skips was skipped. The verdict itself is OpenSSH's (the parser
 * decides it); this only picks the most useful explanation, trying the repairs a person
 * would make (join the blob, drop the space after a comma) and keeping the one that works.
 */
import { formatVersion, type OpenSSHVersion } from '../core/version.js';
import { decodeBase64 } from '../ssh/base64.js';
import { decodeKeyBlob } from '../ssh/key-blob.js';
import { KEY_TYPES } from '../ssh/key-types.js';
import type { Rejection } from './key-file-model.js';
import { KNOWN_OPTION_NAMES } from './key-options.js';
import { optionsFieldEnd, readOptionsThenKey } from './options-then-key.js';
import { tokenEnd, skipBlanks, type Range, type ReadKeyFailure } from './read-key.js';

const MAX_JOINED_TOKENS = 16;

/** A key whose blob failed: was it split by blanks? Otherwise OpenSSH's own reason. */
export function diagnoseKeyFailure(text: string, failure: ReadKeyFailure, version: OpenSSHVersion): Rejection {
  // A lone word that is no key type: nothing to say about a key.
  if (failure.code === 'no-key-data' && !failure.typeInfo) return { code: 'unparseable', range: { start: failure.typeRange.start, end: text.length } };
  if (failure.code === 'invalid-base64' || failure.code === 'invalid-blob') {
    const spaces = blanksInsideBlob(text, failure.base64Range.start, failure.typeInfo.family, failure.typeInfo.certificate, version);
    if (spaces) return { code: 'space-in-key-data', spaces };
  }
  if (failure.code === 'unknown-type') {
    const suggestion = suggestKeyType(failure.typeName);
    if (suggestion) return { code: 'wrong-case-type', range: failure.typeRange, typeName: failure.typeName, suggestion };
  }
  return { code: 'key', failure };
}

export function diagnoseAuthorizedKeysLine(text: string, start: number, version: OpenSSHVersion, direct: ReadKeyFailure): Rejection {
  // The line starts with a key type: the key itself is at fault.
  if (namesKnownType(direct)) return diagnoseKeyFailure(text, direct, version);
  if (optionsFieldEnd(text, start) === -1) return { code: 'unterminated-quote', range: { start, end: text.length } };
  const spaces = blanksAfterCommas(text, start, version);
  if (spaces) return { code: 'space-in-options', spaces };
  const wrongCase = diagnoseKeyFailure(text, direct, version);
  if (wrongCase.code === 'wrong-case-type') return wrongCase;
  const optionsEnd = optionsFieldEnd(text, start);
  const keyStart = skipBlanks(text, optionsEnd);
  if (keyStart === text.length && startsWithKnownOption(text.slice(start, optionsEnd))) {
    return { code: 'missing-key', range: { start, end: optionsEnd } };
  }
  const afterOptions = readOptionsThenKey(text, start, version);
  if (afterOptions && !afterOptions.key.ok && namesKnownType(afterOptions.key.failure)) {
    return diagnoseKeyFailure(text, afterOptions.key.failure, version);
  }
  return { code: 'unparseable', range: { start, end: text.length } };
}

/** The failed read did find a key type name it knows. */
function namesKnownType(failure: ReadKeyFailure): boolean {
  return failure.code === 'no-key-data' ? failure.typeInfo !== undefined : failure.code !== 'unknown-type';
}

function startsWithKnownOption(field: string): boolean {
  const lower = field.toLowerCase();
  return KNOWN_OPTION_NAMES.some((name) => lower.startsWith(name));
}

/** Blanks that split a blob: joining the following tokens gives a key of the labelled type. */
function blanksInsideBlob(text: string, blobStart: number, family: string, certificate: boolean, version: OpenSSHVersion): Range[] | undefined {
  const tokens: Range[] = [];
  let at = blobStart;
  while (at < text.length && tokens.length < MAX_JOINED_TOKENS) {
    const end = tokenEnd(text, at);
    tokens.push({ start: at, end });
    at = skipBlanks(text, end);
  }
  let joined = text.slice(tokens[0]!.start, tokens[0]!.end);
  for (let count = 2; count <= tokens.length; count++) {
    const token = tokens[count - 1]!;
    joined += text.slice(token.start, token.end);
    const blob = decodeBase64(joined);
    const decoded = blob && decodeKeyBlob(blob, { openssh: formatVersion(version) });
    if (decoded && decoded.ok && decoded.key.family === family && decoded.key.certificate === certificate) {
      return tokens.slice(1, count).map((t, i) => ({ start: tokens[i]!.end, end: t.start }));
    }
  }
  return undefined;
}

/** `no-pty, no-X11-forwarding ssh-ed25519 …`: removing the blanks after commas makes the line parse. */
function blanksAfterCommas(text: string, start: number, version: OpenSSHVersion): Range[] | undefined {
  const spaces: Range[] = [];
  let repaired = '';
  let i = start;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === ',' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      const end = skipBlanks(text, i + 1);
      spaces.push({ start: i + 1, end });
      repaired += ',';
      i = end;
      continue;
    }
    if (!quoted && (ch === ' ' || ch === '\t')) break;
    repaired += ch;
    i++;
  }
  if (spaces.length === 0) return undefined;
  repaired += text.slice(i);
  const attempt = readOptionsThenKey(repaired, 0, version);
  return attempt?.key.ok && attempt.options?.ok ? spaces : undefined;
}

/** `SSH-ED25519`, `ed25519`: what was probably meant. */
export function suggestKeyType(name: string): string | undefined {
  const lower = name.toLowerCase();
  const exact = KEY_TYPES.find((type) => type.name.toLowerCase() === lower);
  if (exact) return exact.name;
  const short: Record<string, string> = { rsa: 'ssh-rsa', dsa: 'ssh-dss', ed25519: 'ssh-ed25519', ecdsa: 'ecdsa-sha2-nistp256' };
  return short[lower];
}
