/** Private keys found in any file → findings, matched against the public keys the scan parsed. */
import type { Finding } from '../core/finding.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import type { PrivateKeyBlock } from '../parse/private-key.js';
import { parsedEntries, type PublicKeyLocation, type RuleContext } from '../rules/rule.js';
import { ruleFindings } from './lint-source.js';
import type { RuleSet } from './rule-set.js';
import { addToGroup } from '../core/collections.js';

/** Every public key line of the parsed authorized_keys, known_hosts and .pub files, by SHA256 fingerprint. */
export function publicKeyIndex(models: readonly KeyFileModel[]): Map<string, PublicKeyLocation[]> {
  const index = new Map<string, PublicKeyLocation[]>();
  for (const model of models) {
    for (const { line, entry } of parsedEntries(model)) {
      const location = { file: model.source.path, line: line.number, column: entry.key.typeRange.start + 1 };
      addToGroup(index, entry.key.key.fingerprint, location);
    }
  }
  return index;
}

/** The private-key rules' findings for one file, before its suppression comments apply. */
export function lintPrivateKeys(
  file: string,
  keys: readonly PrivateKeyBlock[],
  publicKeys: ReadonlyMap<string, readonly PublicKeyLocation[]>,
  ruleSet: RuleSet,
  context: RuleContext,
): Finding[] {
  if (keys.length === 0) return [];
  return ruleFindings(ruleSet, file, (rule) => rule.checkPrivateKeys?.({ keys, publicKeys }, context));
}
