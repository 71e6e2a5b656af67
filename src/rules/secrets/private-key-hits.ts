/** What the private-key rules say about a key: its facts (never its material) and where its public half is. */
import { FORMAT_NAMES, type PrivateKeyBlock } from '../../parse/private-key.js';
import type { PrivateKeyScan, PublicKeyLocation, RuleHit } from '../rule.js';

/** One hit per key that `wanted` picks, on the key's whole block, pointing at its public key when the scan holds it. */
export function privateKeyHits(
  scan: PrivateKeyScan,
  wanted: (key: PrivateKeyBlock) => boolean,
  message: (key: PrivateKeyBlock) => string,
  help: string,
): RuleHit[] {
  return scan.keys.filter(wanted).map((key) => {
    const matches = key.fingerprint === undefined ? [] : (scan.publicKeys.get(key.fingerprint) ?? []);
    const hit: RuleHit = {
      line: key.line,
      column: key.column,
      endLine: key.endLine,
      endColumn: key.endColumn,
      message: `${message(key)} ${publicKeyNote(key, matches)}`,
      help,
    };
    if (matches.length > 0) hit.related = matches.map((match) => ({ ...match, message: 'The public half of the committed private key.' }));
    return hit;
  });
}

/** `OpenSSH (openssh-key-v1) ssh-ed25519 key, 256 bits, SHA256:…`: the facts a reader needs to find and rotate the key. */
export function describeKey(key: PrivateKeyBlock): string {
  const facts = [[FORMAT_NAMES[key.format], key.type, 'key'].filter(Boolean).join(' ')];
  if (key.bits !== undefined) facts.push(`${key.bits} bits`);
  if (key.fingerprint !== undefined) facts.push(key.fingerprint);
  return facts.join(', ');
}

function publicKeyNote(key: PrivateKeyBlock, matches: readonly PublicKeyLocation[]): string {
  if (key.fingerprint === undefined) return 'Its public key cannot be known without the passphrase.';
  if (matches.length === 0) return 'No scanned authorized_keys, known_hosts or .pub file holds its public key.';
  return `Matching public key: ${matches.map((match) => `${match.file}:${match.line}`).join(', ')}.`;
}
