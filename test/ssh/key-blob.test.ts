import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeKeyBlob, keyTypeByName, type DecodedKey } from '../../src/ssh/index.js';
import { WireReader, bytesToText } from '../../src/ssh/wire.js';
import { blobOf } from './build.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { describeWithKeygen, fingerprints, verdicts } from './oracle.js';

function decoded(line: string): DecodedKey {
  const result = decodeKeyBlob(blobOf(line));
  if (!result.ok) throw new Error(`${line.slice(0, 40)}…: ${result.error.message}`);
  return result.key;
}

const shortName = (key: DecodedKey) => keyTypeByName(key.canonicalType)?.shortName;

/** ssh-keygen's print_cert()/show_options(), rebuilt from our CertInfo (TZ=UTC). */
function printCert(key: DecodedKey): string {
  const cert = key.cert;
  if (!cert) throw new Error('not a certificate');
  const time = (t: bigint) => new Date(Number(t) * 1000).toISOString().slice(0, 19);
  const forever = 0xffffffffffffffffn;
  const valid =
    cert.validAfter === 0n && cert.validBefore === forever
      ? 'forever'
      : cert.validAfter === 0n
        ? `before ${time(cert.validBefore)}`
        : cert.validBefore === forever
          ? `after ${time(cert.validAfter)}`
          : `from ${time(cert.validAfter)} to ${time(cert.validBefore)}`;
  const list = (items: string[]) => (items.length === 0 ? '(none)' : `\n${items.map((i) => `                ${i}`).join('\n')}`);
  const flags = ['permit-X11-forwarding', 'permit-agent-forwarding', 'permit-port-forwarding', 'permit-pty', 'permit-user-rc', 'no-touch-required'];
  const option = (critical: boolean) => (o: { name: string; data: Uint8Array }) => {
    if (!critical && flags.includes(o.name)) return o.name;
    if (critical && (o.name === 'force-command' || o.name === 'source-address')) return `${o.name} ${new WireReader(o.data).cstring()}`;
    if (critical && o.name === 'verify-required') return o.name;
    if (o.data.length > 0) return `${o.name} UNKNOWN OPTION: ${Buffer.from(o.data).toString('hex')} (len ${o.data.length})`;
    return `${o.name} UNKNOWN FLAG OPTION`;
  };
  return [
    `        Type: ${key.canonicalType} ${cert.certType} certificate`,
    `        Public key: ${shortName(key)} ${key.fingerprint}`,
    `        Signing CA: ${shortName(cert.signatureKey)} ${cert.signatureKey.fingerprint} (using ${cert.signatureAlgorithm})`,
    `        Key ID: "${cert.keyId}"`,
    `        Serial: ${cert.serial}`,
    `        Valid: ${valid}`,
    `        Principals: ${list(cert.principals)}`,
    `        Critical Options: ${list(cert.criticalOptions.map(option(true)))}`,
    `        Extensions: ${list(cert.extensions.map(option(false)))}`,
  ].join('\n');
}

describeWithKeygen('decodeKeyBlob on keys and certificates from the real ssh-keygen', () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = makeFixtures();
  }, 180_000);
  afterAll(() => fx?.remove());

  it('agrees with ssh-keygen -l on bits, SHA256 fingerprint and type for every key', () => {
    const lines = [...Object.values(fx.plain), ...Object.values(fx.certs)];
    expect(lines).toHaveLength(11 + 15);
    const theirs = fingerprints(lines);
    const ours = lines.map((line) => {
      const key = decoded(line);
      return { bits: key.bits, fingerprint: key.fingerprint, shortName: shortName(key) };
    });
    expect(ours).toEqual(theirs);
  });

  it('agrees with ssh-keygen -L on every certificate field', () => {
    const lines = Object.values(fx.certs);
    const theirs = verdicts(lines);
    lines.forEach((line, i) => {
      const v = theirs[i];
      expect(v?.kind).toBe('cert');
      expect(printCert(decoded(line))).toBe(v?.kind === 'cert' ? v.text.trimEnd() : '');
    });
  });

  it('reports concrete values', () => {
    expect(decoded(fx.plain.rsa3072 ?? '')).toMatchObject({ type: 'ssh-rsa', family: 'rsa', bits: 3072, certificate: false });
    expect(decoded(fx.plain.dsa ?? '')).toMatchObject({ family: 'dss', bits: 1024 });
    expect(decoded(fx.plain.ecdsa521 ?? '')).toMatchObject({ family: 'ecdsa', curve: 'nistp521', bits: 521 });
    expect(decoded(fx.plain.skEcdsa ?? '')).toMatchObject({ family: 'ecdsa-sk', application: 'ssh:sshlint', bits: 256 });
    expect(decoded(fx.plain.skEd25519 ?? '')).toMatchObject({ family: 'ed25519-sk', application: 'ssh:' });

    const user = decoded(fx.certs.userEd25519ByEd25519 ?? '');
    expect(user).toMatchObject({ type: 'ssh-ed25519-cert-v01@openssh.com', family: 'ed25519', certificate: true, bits: 256 });
    expect(user.fingerprint).toBe(decoded(fx.plain.ed25519 ?? '').fingerprint);
    expect(user.cert).toMatchObject({
      serial: 42n,
      certType: 'user',
      keyId: 'alice@example.com',
      principals: ['alice', 'bob'],
      validAfter: BigInt(Date.UTC(2024, 0, 1) / 1000),
      validBefore: BigInt(Date.UTC(2030, 0, 1) / 1000),
      signatureAlgorithm: 'ssh-ed25519',
    });
    expect(user.cert?.criticalOptions.map((o) => [o.name, bytesToText(o.data.subarray(4))])).toEqual([
      ['force-command', '/bin/true'],
      ['source-address', '10.0.0.0/8,192.168.1.1'],
    ]);
    expect(user.cert?.extensions.map((o) => o.name)).toEqual([
      'permit-X11-forwarding',
      'permit-agent-forwarding',
      'permit-port-forwarding',
      'permit-pty',
      'permit-user-rc',
    ]);

    const host = decoded(fx.certs.hostEcdsaByRsa512 ?? '');
    expect(host).toMatchObject({ family: 'ecdsa', curve: 'nistp256', certificate: true });
    expect(host.cert).toMatchObject({ certType: 'host', signatureAlgorithm: 'rsa-sha2-512', principals: ['host.example.com', '10.1.2.3'] });
    expect(host.cert?.signatureKey).toMatchObject({ family: 'rsa', bits: 3072, certificate: false });
    expect(decoded(fx.certs.userRsaByLegacyRsa ?? '').cert?.signatureAlgorithm).toBe('ssh-rsa');
    expect(decoded(fx.certs.userRsaByRsa256 ?? '').cert?.signatureAlgorithm).toBe('rsa-sha2-256');
    expect(decoded(fx.certs.hostEd25519ByDsa ?? '').cert?.signatureKey.family).toBe('dss');
    expect(decoded(fx.certs.userEd25519ByEcdsa ?? '').cert?.serial).toBe(0xffffffffffffffffn);
    expect(decoded(fx.certs.userEd25519ByWebauthn ?? '').cert?.signatureAlgorithm).toBe('webauthn-sk-ecdsa-sha2-nistp256@openssh.com');
    expect(decoded(fx.certs.userEd25519BySkEd25519 ?? '').cert?.signatureKey.family).toBe('ed25519-sk');
  });
});
