/**
 * openssh-key-v1 (PROTOCOL.key): the public keys sit in the clear before the private section,
 * so type, size and fingerprint are known even when a passphrase protects the key.
 */
import { decodeKeyBlob } from '../../ssh/key-blob.js';
import { WireReader } from '../../ssh/wire.js';
import type { KeyIdentity, ParsedKey } from './model.js';

const MAGIC = new TextEncoder().encode('openssh-key-v1\0');
/** sshkey.c refuses files holding more than one key; more would only mean a forged header. */
const MAX_KEYS = 1;

export function parseOpensshKey(blob: Uint8Array): ParsedKey | undefined {
  if (blob.length < MAGIC.length || MAGIC.some((byte, i) => blob[i] !== byte)) return undefined;
  const reader = new WireReader(blob.subarray(MAGIC.length));
  const cipher = reader.cstring();
  const kdf = reader.cstring();
  reader.string(); // KDF options: salt and rounds
  const count = reader.u32();
  if (count === null || count < 1 || count > MAX_KEYS) return undefined;
  const publicKey = reader.string();
  const privateSection = reader.string();
  // A header without its private section is a truncated paste, not a key.
  if (cipher === null || kdf === null || publicKey === null || privateSection === null || privateSection.length === 0) return undefined;
  const encryption = cipher === 'none' ? { encrypted: false as const } : { encrypted: true as const, cipher, kdf };
  return { format: 'openssh', encryption, ...identifyBlob(publicKey) };
}

/** Type, size and fingerprint of an SSH public key blob, as far as sshlint can decode it. */
export function identifyBlob(blob: Uint8Array): KeyIdentity {
  const decoded = decodeKeyBlob(blob);
  return decoded.ok ? { type: decoded.key.type, bits: decoded.key.bits, fingerprint: decoded.key.fingerprint } : {};
}
