/** The authorized_keys fallback path: an options field, blanks, then a key. */
import type { OpenSSHVersion } from '../core/version.js';
import { parseKeyOptions, type OptionsResult } from './key-options.js';
import { readKey, skipBlanks, type ReadKeyResult } from './read-key.js';

/** sshd's `sshkey_advance_past_options`: the end of the options field, or -1 for an unterminated quote. */
export function optionsFieldEnd(text: string, start: number): number {
  let quoted = false;
  let i = start;
  for (; i < text.length && (quoted || (text[i] !== ' ' && text[i] !== '\t')); i++) {
    if (text[i] === '\\' && text[i + 1] === '"') i++;
    else if (text[i] === '"') quoted = !quoted;
  }
  return i >= text.length && quoted ? -1 : i;
}

export interface OptionsThenKey {
  optionsEnd: number;
  key: ReadKeyResult;
  /** Parsed only when the key was read, as sshd does. */
  options?: OptionsResult;
}

export function readOptionsThenKey(text: string, start: number, version: OpenSSHVersion): OptionsThenKey | undefined {
  const optionsEnd = optionsFieldEnd(text, start);
  if (optionsEnd === -1) return undefined;
  const key = readKey(text, skipBlanks(text, optionsEnd), version);
  return key.ok ? { optionsEnd, key, options: parseKeyOptions(text, start, version) } : { optionsEnd, key };
}
