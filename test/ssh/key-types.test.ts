import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareReleases } from '../../src/core/version.js';
import { KEY_TYPES, SIGNATURE_ALGORITHMS, isKnownIn, keyTypeByName } from '../../src/ssh/index.js';
import { describeWithKeygen } from './oracle.js';

describe('key type table', () => {
  it('looks names up exactly, case-sensitively, aliases included (peek_type_nid)', () => {
    expect(keyTypeByName('ssh-ed25519')).toMatchObject({ family: 'ed25519', certificate: false, shortName: 'ED25519' });
    expect(keyTypeByName('SSH-ED25519')).toBeUndefined();
    expect(keyTypeByName('ssh-ed25519 ')).toBeUndefined();
    expect(keyTypeByName('ecdsa-sha2-nistp384-cert-v01@openssh.com')).toMatchObject({
      family: 'ecdsa', curve: 'nistp384', certificate: true, plainName: 'ecdsa-sha2-nistp384', shortName: 'ECDSA-CERT',
    });
    expect(keyTypeByName('rsa-sha2-512')?.name).toBe('ssh-rsa');
    expect(keyTypeByName('rsa-sha2-256-cert-v01@openssh.com')?.name).toBe('ssh-rsa-cert-v01@openssh.com');
    expect(keyTypeByName('webauthn-sk-ecdsa-sha2-nistp256@openssh.com')?.name).toBe('sk-ecdsa-sha2-nistp256@openssh.com');
  });

  it('records when types came and went', () => {
    expect(keyTypeByName('ssh-dss')).toMatchObject({ removed: '10.0', optionalFrom: '9.8' });
    expect(keyTypeByName('ssh-dss', '9.7')?.name).toBe('ssh-dss');
    expect(keyTypeByName('ssh-dss', '10.0')).toBeUndefined();
    expect(keyTypeByName('ssh-xmss@openssh.com')).toMatchObject({ since: '7.7', removed: '10.1', buildFlag: 'WITH_XMSS' });
    expect(keyTypeByName('ssh-xmss@openssh.com', '9.2')).toBeUndefined();
    expect(keyTypeByName('ssh-mldsa44-ed25519@openssh.com', '10.3')).toBeUndefined();
    expect(keyTypeByName('ssh-mldsa44-ed25519-cert-v01@openssh.com', '10.4')?.family).toBe('mldsa44-ed25519');
    expect(keyTypeByName('webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', '10.2')).toBeUndefined();
    expect(keyTypeByName('webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com', '10.3')?.certificate).toBe(true);
    expect(keyTypeByName('sk-ssh-ed25519@openssh.com', '8.1')).toBeUndefined();
    expect(compareReleases('9.10', '9.9')).toBeGreaterThan(0);
    expect(compareReleases('10.0', '9.9')).toBeGreaterThan(0);
    expect(KEY_TYPES).toHaveLength(20);
  });
});

describeWithKeygen('key type table against the installed OpenSSH (9.2)', () => {
  const version = /OpenSSH_(\d+\.\d+)/.exec(spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr)?.[1] ?? '';
  const query = (what: string) => spawnSync('ssh', ['-Q', what], { encoding: 'utf8' }).stdout.trim().split('\n').sort();

  it('lists exactly the key types `ssh -Q key` lists', () => {
    expect(version).toMatch(/^\d+\.\d+$/);
    expect(KEY_TYPES.filter((t) => isKnownIn(t, version)).map((t) => t.name).sort()).toEqual(query('key'));
  });

  it('lists exactly the names `ssh -Q key-sig` lists', () => {
    const names = [...KEY_TYPES, ...SIGNATURE_ALGORITHMS].filter((t) => isKnownIn(t, version)).map((t) => t.name);
    expect(names.sort()).toEqual(query('key-sig'));
  });
});
