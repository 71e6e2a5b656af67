/**
 * Public key lines that OpenSSH loads, made from a seeded generator: Ed25519 points are any 32
 * bytes, RSA moduli any odd number of the right size, and ECDSA points come from seeded private
 * scalars (createECDH), so every line parses and `ssh-keygen -l` fingerprints all of them.
 */
import { createECDH } from 'node:crypto';

function sshString(bytes) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, Buffer.from(bytes)]);
}

/** An mpint of a positive number whose top bit is set: a leading zero byte keeps it positive. */
function positiveMpint(bytes) {
  return sshString(Buffer.concat([Buffer.from([0]), bytes]));
}

function rsaBlob(random, bits) {
  const modulus = random.bytes(bits / 8);
  modulus[0] |= 0x80;
  modulus[modulus.length - 1] |= 1;
  return Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(Buffer.from([1, 0, 1])), positiveMpint(modulus)]);
}

const CURVES = { nistp256: ['prime256v1', 32], nistp384: ['secp384r1', 48], nistp521: ['secp521r1', 66] };

function ecdsaBlob(random, curve) {
  const [openssl, size] = CURVES[curve];
  const ecdh = createECDH(openssl);
  const scalar = random.bytes(size);
  scalar[0] = curve === 'nistp521' ? 1 : scalar[0] & 0x7f; // below the group order
  scalar[size - 1] |= 1; // never zero
  ecdh.setPrivateKey(scalar);
  const name = `ecdsa-sha2-${curve}`;
  return Buffer.concat([sshString(Buffer.from(name)), sshString(Buffer.from(curve)), sshString(ecdh.getPublicKey())]);
}

function ed25519Blob(random) {
  return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(random.bytes(32))]);
}

function skEd25519Blob(random) {
  return Buffer.concat([sshString(Buffer.from('sk-ssh-ed25519@openssh.com')), sshString(random.bytes(32)), sshString(Buffer.from('ssh:'))]);
}

/** [type name, blob maker, share of lines]: roughly what a large fleet holds. */
const MIX = [
  ['ssh-ed25519', ed25519Blob, 40],
  ['ssh-rsa', (random) => rsaBlob(random, random.pick([2048, 3072, 4096])), 35],
  ['ecdsa-sha2-nistp256', (random) => ecdsaBlob(random, 'nistp256'), 12],
  ['ecdsa-sha2-nistp384', (random) => ecdsaBlob(random, 'nistp384'), 4],
  ['ecdsa-sha2-nistp521', (random) => ecdsaBlob(random, 'nistp521'), 2],
  ['sk-ssh-ed25519@openssh.com', skEd25519Blob, 7],
];
const TOTAL_SHARE = MIX.reduce((sum, [, , share]) => sum + share, 0);

/** `type base64 comment` for one key. */
export function keyLine(random, comment) {
  let roll = random.int(TOTAL_SHARE);
  const [name, make] = MIX.find(([, , share]) => (roll -= share) < 0);
  return `${name} ${make(random).toString('base64')} ${comment}`;
}

const OPTION_SETS = [
  'no-pty,no-port-forwarding',
  'from="10.0.0.0/8,192.168.1.*"',
  'command="/usr/local/bin/backup --run",no-agent-forwarding,no-X11-forwarding',
  'restrict,pty',
  'environment="LANG=C",no-user-rc',
  'expiry-time="20991231",from="!10.1.2.3,10.0.0.0/8"',
  'permitopen="db.internal:5432",no-pty',
  'cert-authority,principals="deploy,ops"',
];

/** An authorized_keys of `count` keys, a third with options, and an occasional comment line. */
export function authorizedKeys(random, count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) lines.push(`# team ${i / 1000}`);
    const line = keyLine(random, `user${i}@host${i % 97}`);
    lines.push(random.int(3) === 0 ? `${random.pick(OPTION_SETS)} ${line}` : line);
  }
  return lines.join('\n') + '\n';
}
