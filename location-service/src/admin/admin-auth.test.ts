import { describe, expect, it } from 'vitest';
import { checkAdminToken } from './admin-auth.js';

describe('checkAdminToken', () => {
  const token = 'a-long-enough-admin-token';
  it('accepts the token as a bearer token', () => expect(() => checkAdminToken(`Bearer ${token}`, token)).not.toThrow());
  it.each([undefined, '', token, `Basic ${token}`, 'Bearer '])('refuses %j as UNAUTHENTICATED', (header) =>
    expect(() => checkAdminToken(header, token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' })),
  );
  it.each(['Bearer wrong', `Bearer ${token}x`, `Bearer ${token.slice(1)}`])('refuses %j as PERMISSION_DENIED', (header) =>
    expect(() => checkAdminToken(header, token)).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' })),
  );
});
