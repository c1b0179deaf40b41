import { describe, expect, it } from 'vitest';
import { REMOVED, redactConfig } from '../../src-main/diagnostics/redact-config.js';

describe('redactConfig (support bundle)', () => {
  it('removes the credential and inline keys at any depth, keeps paths to them and everything else', () => {
    const { redacted, removed } = redactConfig({
      stationId: 'KEC-350101-01',
      central: { url: 'https://central.example.go.id', credential: 'secret-credential-123456', publicKeyPem: '-----BEGIN PUBLIC KEY-----x', credentialFile: 'cred.txt' },
      devices: [{ kind: 'fingerprint', password: 1234, transport: { type: 'serial', path: '/dev/ttyUSB0' } }],
      extra: { apiToken: 'tok', nested: { privateKeyPem: 'k' } },
    });
    expect(redacted).toEqual({
      stationId: 'KEC-350101-01',
      central: { url: 'https://central.example.go.id', credential: REMOVED, publicKeyPem: REMOVED, credentialFile: 'cred.txt' },
      devices: [{ kind: 'fingerprint', password: REMOVED, transport: { type: 'serial', path: '/dev/ttyUSB0' } }],
      extra: { apiToken: REMOVED, nested: { privateKeyPem: REMOVED } },
    });
    expect(removed.sort()).toEqual(['central.credential', 'central.publicKeyPem', 'devices.0.password', 'extra.apiToken', 'extra.nested.privateKeyPem']);
    expect(JSON.stringify(redacted)).not.toContain('secret-credential');
  });
});
