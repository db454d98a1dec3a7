import { describe, expect, it } from 'vitest';
import { newClientToken, openToken, sealToken } from './client-token-vault';

describe('client token vault', () => {
  it('issues GLPI-shaped tokens and opens what it sealed, only with the same secret', () => {
    const token = newClientToken();
    expect(token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(newClientToken()).not.toBe(token);
    const sealed = sealToken(token, 'worker secret');
    expect(sealed).not.toContain(token);
    expect(openToken(sealed, 'worker secret')).toBe(token);
    expect(openToken(sealed, 'another secret')).toBeNull();
    expect(openToken(`${sealed.slice(0, -2)}xx`, 'worker secret')).toBeNull();
    expect(openToken(null, 'worker secret')).toBeNull();
  });
});
