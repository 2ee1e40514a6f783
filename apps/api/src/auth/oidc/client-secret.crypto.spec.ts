import { deriveClientSecretKey, openClientSecret, sealClientSecret } from './client-secret.crypto';

const KEY = deriveClientSecretKey('0/NvOQjwEoF/x1nFBcKSkK2C3Jyrks+/O9riM1bUI68=');
const TENANT = '6f1c1f5e-2f5c-4c39-9a57-6c1f0f1d2a11';

describe('client secret sealing', () => {
  it('should open what it sealed, and never store the secret in clear text', () => {
    const sealed = sealClientSecret(KEY, TENANT, 'Entra~secret.value');
    expect(sealed.toString('latin1')).not.toContain('Entra~secret');
    expect(openClientSecret(KEY, TENANT, sealed)).toBe('Entra~secret.value');
  });

  it('should refuse a secret sealed for another tenant or with another key', () => {
    const sealed = sealClientSecret(KEY, TENANT, 'secret');
    expect(() => openClientSecret(KEY, '00000000-0000-4000-8000-000000000000', sealed)).toThrow();
    expect(() => openClientSecret(deriveClientSecretKey('k8yQ1M0f3Yb2bq0X2i7n0M1y7d2J1t7V4cQ9W3e5R6s='), TENANT, sealed)).toThrow();
  });
});
