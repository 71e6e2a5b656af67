/** Keys and certificates made by the real ssh-keygen (plus hand-built sk ones), once per test file. */
import { writeFileSync } from 'node:fs';
import { buildCert, ed25519Pair, lineOf, p256Pair, skEcdsaBlob, skEcdsaSigner, skEd25519Blob, skEd25519Signer, w } from './build.js';
import { generate, sign, tempDir } from './oracle.js';

export interface Fixtures {
  /** Plain key lines, by name. */
  plain: Record<string, string>;
  /** Certificate lines, by name. */
  certs: Record<string, string>;
  remove: () => void;
}

const PLAIN: [string, string, number?][] = [
  ['rsa1024', 'rsa', 1024],
  ['rsa2048', 'rsa', 2048],
  ['rsa3072', 'rsa', 3072],
  ['rsa4096', 'rsa', 4096],
  ['dsa', 'dsa'],
  ['ecdsa256', 'ecdsa', 256],
  ['ecdsa384', 'ecdsa', 384],
  ['ecdsa521', 'ecdsa', 521],
  ['ed25519', 'ed25519'],
];

export function makeFixtures(): Fixtures {
  const dir = tempDir();
  const plain: Record<string, string> = {};
  for (const [name, type, bits] of PLAIN) plain[name] = generate(dir.file(name), type, bits);
  const cas = { ed25519: 'ed25519', rsa: 'rsa', ecdsa: 'ecdsa', dsa: 'dsa' } as const;
  for (const [name, type] of Object.entries(cas)) generate(dir.file(`ca-${name}`), type, type === 'ecdsa' ? 384 : undefined);

  // sk public keys need no hardware: they are just blobs, and ssh-keygen signs them.
  plain.skEd25519 = lineOf('sk-ssh-ed25519@openssh.com', skEd25519Blob(ed25519Pair().pk));
  plain.skEcdsa = lineOf('sk-ecdsa-sha2-nistp256@openssh.com', skEcdsaBlob(p256Pair().point, 'ssh:sshlint'));
  for (const sk of ['skEd25519', 'skEcdsa']) writeFileSync(dir.file(`${sk}.pub`), `${plain[sk]}\n`);

  const certs: Record<string, string> = {};
  // Each certificate is signed into its own copy of the key, so names stay distinct.
  const certify = (name: string, key: string, ca: keyof typeof cas, args: string[]) => {
    writeFileSync(dir.file(`${name}.pub`), `${plain[key]}\n`);
    certs[name] = sign(dir.file(`ca-${ca}`), dir.file(`${name}.pub`), args);
  };
  certify('userEd25519ByEd25519', 'ed25519', 'ed25519', [
    '-I', 'alice@example.com', '-n', 'alice,bob', '-V', '20240101:20300101', '-z', '42',
    '-O', 'force-command=/bin/true', '-O', 'source-address=10.0.0.0/8,192.168.1.1',
  ]);
  certify('hostEcdsaByRsa512', 'ecdsa256', 'rsa', ['-h', '-t', 'rsa-sha2-512', '-I', 'host1', '-n', 'host.example.com,10.1.2.3']);
  certify('userRsaByRsa256', 'rsa2048', 'rsa', ['-t', 'rsa-sha2-256', '-I', 'rsa256', '-n', 'carol', '-O', 'clear', '-O', 'permit-pty', '-V', 'always:20300101']);
  certify('userRsaByLegacyRsa', 'rsa3072', 'rsa', ['-t', 'ssh-rsa', '-I', 'legacy', '-V', '20240101:forever']);
  certify('userEd25519ByEcdsa', 'ed25519', 'ecdsa', [
    '-I', 'ecdsa-ca', '-n', 'dave', '-O', 'no-touch-required', '-O', 'verify-required',
    '-O', 'extension:custom@example.com=some value', '-O', 'critical:flag@example.com', '-z', '18446744073709551615',
  ]);
  certify('hostEd25519ByDsa', 'ed25519', 'dsa', ['-h', '-I', 'dsa-ca', '-n', 'h1,h2,h3']);
  certify('userDsaByEd25519', 'dsa', 'ed25519', ['-I', 'dsa-user']);
  certify('userEcdsa521ByEcdsa', 'ecdsa521', 'ecdsa', ['-I', 'p521', '-n', 'erin', '-V', '19700101000001:19700101000002']);
  certify('userEcdsa384ByEd25519', 'ecdsa384', 'ed25519', ['-I', 'p384']);
  certify('userRsa4096ByEd25519', 'rsa4096', 'ed25519', ['-I', 'big']);
  certify('userSkEd25519ByEd25519', 'skEd25519', 'ed25519', ['-I', 'sk-ed']);
  certify('hostSkEcdsaByRsa', 'skEcdsa', 'rsa', ['-h', '-t', 'rsa-sha2-512', '-I', 'sk-ec']);

  // Certificates signed by security-key CAs: ssh-keygen would need the token, so sign by hand.
  const edKey = w().string(ed25519Pair().pk).bytes();
  const skEdCa = ed25519Pair();
  const skEcCa = p256Pair();
  const byHand = (name: string, caBlob: Uint8Array, signer: ReturnType<typeof skEd25519Signer>) => {
    certs[name] = lineOf('ssh-ed25519-cert-v01@openssh.com', buildCert({ type: 'ssh-ed25519-cert-v01@openssh.com', keyFields: edKey, caBlob, signer }).blob);
  };
  byHand('userEd25519BySkEd25519', skEd25519Blob(skEdCa.pk), skEd25519Signer(skEdCa.privateKey));
  byHand('userEd25519BySkEcdsa', skEcdsaBlob(skEcCa.point), skEcdsaSigner(skEcCa.privateKey));
  byHand('userEd25519ByWebauthn', skEcdsaBlob(skEcCa.point), skEcdsaSigner(skEcCa.privateKey, { origin: 'https://example.com' }));
  return { plain, certs, remove: dir.remove };
}
