import { describe, expect, it } from 'vitest';
import { loadAuthSettings } from './auth-config.js';

const FULL = {
  PAVED_OIDC_ISSUER: 'https://id.example.com',
  PAVED_OIDC_CLIENT_ID: 'paved',
  PAVED_OIDC_CLIENT_SECRET: 's3cret',
  PAVED_PUBLIC_URL: 'https://paved.example.com/',
};

describe('sign-in settings from the environment', () => {
  it('reads a provider with its defaults', () => {
    expect(loadAuthSettings({ ...FULL, PAVED_ADMINS: 'Ada@Example.com, bob@example.com' })).toEqual({
      publicUrl: 'https://paved.example.com',
      oidc: {
        issuer: 'https://id.example.com',
        clientId: 'paved',
        clientSecret: 's3cret',
        scopes: 'openid email profile',
        groupsClaim: 'groups',
        adminGroups: [],
      },
      admins: ['ada@example.com', 'bob@example.com'],
      defaultRole: 'viewer',
      sessionIdleMs: 12 * 3600_000,
      sessionMaxMs: 7 * 24 * 3600_000,
    });
    expect(loadAuthSettings({}).oidc).toBeNull();
  });

  it('stops the start on a partial or wrong configuration, saying what is missing', () => {
    expect(() => loadAuthSettings({ PAVED_OIDC_ISSUER: 'https://id.example.com' })).toThrow(
      'OIDC sign-in is partly configured: set PAVED_OIDC_CLIENT_ID, PAVED_OIDC_CLIENT_SECRET, PAVED_PUBLIC_URL too (or unset PAVED_OIDC_ISSUER)',
    );
    expect(() => loadAuthSettings({ ...FULL, PAVED_OIDC_ISSUER: 'http://id.example.com' })).toThrow(
      'PAVED_OIDC_ISSUER must be an https URL (http only for localhost), got "http://id.example.com"',
    );
    expect(() => loadAuthSettings({ ...FULL, PAVED_OIDC_DEFAULT_ROLE: 'admin' })).toThrow(
      'PAVED_OIDC_DEFAULT_ROLE must be viewer, member or none, got "admin"',
    );
    expect(() => loadAuthSettings({ PAVED_SESSION_IDLE_HOURS: '0' })).toThrow(
      'PAVED_SESSION_IDLE_HOURS must be a positive number of hours, got "0"',
    );
  });
});
