/** The typed model of a private key found in a file. It holds no key material: only what may be printed. */

export type PrivateKeyFormat =
  | 'openssh'
  | 'pem-rsa'
  | 'pem-dsa'
  | 'pem-ec'
  | 'pkcs8'
  | 'pkcs8-encrypted'
  | 'putty-v2'
  | 'putty-v3'
  | 'ssh-com';

export const FORMAT_NAMES: Readonly<Record<PrivateKeyFormat, string>> = {
  openssh: 'OpenSSH (openssh-key-v1)',
  'pem-rsa': 'PEM RSA (PKCS#1)',
  'pem-dsa': 'PEM DSA',
  'pem-ec': 'PEM EC (SEC 1)',
  pkcs8: 'PKCS#8',
  'pkcs8-encrypted': 'encrypted PKCS#8',
  'putty-v2': 'PuTTY PPK v2',
  'putty-v3': 'PuTTY PPK v3',
  'ssh-com': 'ssh.com SSH2',
};

export type KeyEncryption =
  | { encrypted: false }
  /** `cipher`/`kdf` as the key names them, e.g. aes256-ctr with bcrypt, AES-128-CBC, aes256-cbc with Argon2id. */
  | { encrypted: true; cipher?: string; kdf?: string };

/** What can be told about the key without its passphrase. */
export interface KeyIdentity {
  /** The SSH key type (`ssh-ed25519`) or, for keys SSH cannot use, the algorithm (`x25519`). */
  type?: string;
  bits?: number;
  /** `SHA256:…` of the public key, as `ssh-keygen -l` prints it (public by design). */
  fingerprint?: string;
}

export interface PrivateKeyBlock extends KeyIdentity {
  format: PrivateKeyFormat;
  encryption: KeyEncryption;
  /** 1-based; `endColumn` is exclusive. From the BEGIN marker (or PuTTY header) to the END marker (or Private-MAC). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a format parser makes of one block: positions are the caller's business. */
export type ParsedKey = Omit<PrivateKeyBlock, 'line' | 'column' | 'endLine' | 'endColumn'>;
