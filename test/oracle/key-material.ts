/**
 * Key material for the oracle suites: every key type ssh-keygen 9.2 makes, user
 * certificates from ed25519, RSA and ECDSA CAs, and the security-key (sk) public
 * lines that need hardware to generate, built by hand with the shared blob builder.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519Pair, lineOf, p256Pair, skEcdsaBlob, skEd25519Blob } from '../ssh/build.js';
import { generateKey, makeCertificate } from './openssh.js';
import type { KeyPair, KeyType } from './openssh.js';

/** One valid key line and what it is made of. */
export interface KeyLine {
  /** Short stable name, e.g. `rsa2048`, `cert-ed25519-by-rsa`. */
  name: string;
  /** The whole line as ssh-keygen wrote it (label, base64, comment). */
  line: string;
  label: string;
  base64: string;
  comment: string;
  certificate: boolean;
  /** Hand-built security-key line (no private half on this machine). */
  sk: boolean;
}

/** A key (or certificate) that can log in: its line and the client's files. */
export interface LoginIdentity {
  name: string;
  pair: KeyPair;
  /** The authorized_keys line that authorizes it (a cert-authority line for certificates). */
  authorizedLine: string;
  /** Certificate to present, for CA-based identities. */
  certificate?: string;
  /** sshd and ssh options the type needs (DSA is off by default in 9.2). */
  sshdOptions?: Record<string, string>;
  clientOptions?: Record<string, string>;
  /** OpenSSH 9.2 accepts this type with its default PubkeyAcceptedAlgorithms. */
  acceptedByDefault: boolean;
}

export interface KeyMaterial {
  plain: KeyLine[];
  certs: KeyLine[];
  sk: KeyLine[];
  /** plain + certs + sk. */
  all: KeyLine[];
  byName: (name: string) => KeyLine;
  logins: LoginIdentity[];
}

const PLAIN: ReadonlyArray<[name: string, type: KeyType, bits?: number]> = [
  ['rsa1024', 'rsa', 1024],
  ['rsa2048', 'rsa', 2048],
  ['rsa3072', 'rsa', 3072],
  ['dsa', 'dsa'],
  ['ecdsa256', 'ecdsa', 256],
  ['ecdsa384', 'ecdsa', 384],
  ['ecdsa521', 'ecdsa', 521],
  ['ed25519', 'ed25519'],
];

const CAS: ReadonlyArray<[name: 'ed25519' | 'rsa' | 'ecdsa', type: KeyType, bits?: number]> = [
  ['ed25519', 'ed25519'],
  ['rsa', 'rsa', 2048],
  ['ecdsa', 'ecdsa', 384],
];

/** Certificates: which key, signed by which CA. Every certified key type appears once or more. */
const CERTS: ReadonlyArray<[key: string, ca: 'ed25519' | 'rsa' | 'ecdsa']> = [
  ['ed25519', 'ed25519'],
  ['ed25519', 'rsa'],
  ['ed25519', 'ecdsa'],
  ['rsa2048', 'rsa'],
  ['rsa3072', 'ed25519'],
  ['ecdsa256', 'ecdsa'],
  ['ecdsa384', 'ed25519'],
  ['ecdsa521', 'rsa'],
  ['dsa', 'ed25519'],
  ['skEd25519', 'ed25519'],
  ['skEcdsa', 'ecdsa'],
];

export function splitLine(name: string, line: string, sk = false): KeyLine {
  const [label = '', base64 = '', ...rest] = line.split(' ');
  return { name, line, label, base64, comment: rest.join(' '), certificate: label.includes('-cert-'), sk };
}

/** Generates everything in `dir` (a few seconds: RSA 3072 dominates). */
export async function makeKeyMaterial(dir: string): Promise<KeyMaterial> {
  const pairs = new Map<string, KeyPair>();
  const cas = new Map<string, KeyPair>();
  await Promise.all([
    ...PLAIN.map(async ([name, type, bits]) => pairs.set(name, await generateKey(dir, type, bits, `k_${name}`))),
    ...CAS.map(async ([name, type, bits]) => cas.set(name, await generateKey(dir, type, bits, `ca_${name}`))),
  ]);

  const plain = PLAIN.map(([name]) => splitLine(name, pairs.get(name)!.publicLine));
  const skLines: Record<string, string> = {
    skEd25519: lineOf('sk-ssh-ed25519@openssh.com', skEd25519Blob(ed25519Pair().pk)).replace(/ c$/, ' sk-ed25519@token'),
    skEcdsa: lineOf('sk-ecdsa-sha2-nistp256@openssh.com', skEcdsaBlob(p256Pair().point, 'ssh:oracle')).replace(/ c$/, ' sk-ecdsa@token'),
  };
  const sk = Object.entries(skLines).map(([name, line]) => splitLine(name, line, true));
  const pubPath = async (key: string, as: string): Promise<string> => {
    const path = join(dir, `${as}.pub`);
    const pair = pairs.get(key);
    if (pair) await copyFile(pair.publicKey, path);
    else await writeFile(path, `${skLines[key]}\n`);
    return path;
  };

  const certs: KeyLine[] = [];
  const certPaths = new Map<string, string>();
  await Promise.all(
    CERTS.map(async ([key, ca], i) => {
      const name = `cert-${key}-by-${ca}`;
      const options = i % 3 === 0 ? ['force-command=/bin/true'] : i % 3 === 1 ? ['no-pty', 'source-address=127.0.0.1/32'] : [];
      const cert = await makeCertificate(cas.get(ca)!.privateKey, await pubPath(key, name), {
        principals: ['root'],
        identity: name,
        serial: i + 1,
        options,
      });
      certs[i] = splitLine(name, cert.line);
      certPaths.set(name, cert.path);
    }),
  );

  const logins: LoginIdentity[] = [];
  for (const [name] of PLAIN) {
    const pair = pairs.get(name)!;
    const login: LoginIdentity = { name, pair, authorizedLine: pair.publicLine, acceptedByDefault: name !== 'dsa' };
    if (name === 'dsa') {
      login.sshdOptions = { PubkeyAcceptedAlgorithms: '+ssh-dss' };
      login.clientOptions = { PubkeyAcceptedAlgorithms: '+ssh-dss' };
    }
    logins.push(login);
  }
  for (const [key, ca] of CERTS) {
    // Plain certified keys whose certificate can log in here (sk ones would need the token).
    if (key.startsWith('sk') || key === 'dsa') continue;
    if (!(key === 'ed25519' || ca === 'ed25519')) continue;
    const name = `cert-${key}-by-${ca}`;
    logins.push({
      name,
      pair: pairs.get(key)!,
      authorizedLine: `cert-authority ${cas.get(ca)!.publicLine}`,
      certificate: certPaths.get(name)!,
      acceptedByDefault: true,
    });
  }

  const all = [...plain, ...certs, ...sk];
  const byName = (name: string): KeyLine => {
    const found = all.find((k) => k.name === name);
    if (!found) throw new Error(`no key line named ${name}`);
    return found;
  };
  return { plain, certs, sk, all, byName, logins };
}
