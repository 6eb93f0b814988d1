import { z } from '@hono/zod-openapi';
import { safeText } from '../../http/safe-text.js';

export const roleSchema = z.enum(['admin', 'member', 'viewer']);

export const signInBody = z.strictObject({ token: z.string().min(1).max(512) }).openapi('SignIn');

export const meSchema = z
  .object({
    name: z.string(),
    role: roleSchema,
    /** Administers everything, not only their own teams' capabilities. */
    orgAdmin: z.boolean(),
    /** The catalog User, when a person is signed in; null for a service token. */
    person: z.string().nullable(),
    /** Group refs: the person's teams, or the team a token was issued for. */
    teams: z.array(z.string()),
    via: z.enum(['token', 'session']),
    /** The person's title in the catalog (or their name), for the top bar; null for a service token. */
    displayName: z.string().nullable(),
    email: z.string().nullable(),
  })
  .openapi('Me');

/** What the sign-in page offers: the identity provider when one is configured. */
export const authConfigSchema = z
  .object({
    oidc: z.boolean(),
    /** Where "Sign in with your company account" goes. */
    loginUrl: z.string().nullable(),
  })
  .openapi('AuthConfig');

export const createTokenBody = z
  .strictObject({
    name: safeText(100, 1),
    /** Required for a service token; a personal token (`user`) has its person's role. */
    role: roleSchema.optional(),
    scopes: z
      .array(z.enum(['events:write']))
      .max(10)
      .optional(),
    /** The caller's team (name or group ref): members declare adoption for it. */
    team: safeText(200, 1).optional(),
    /** A personal token: the catalog User (name, ref or email) it acts for, with their rights; the role is theirs. */
    user: safeText(320, 1).optional(),
  })
  .openapi('CreateToken');

export const createMyTokenBody = z.strictObject({ name: z.string().min(1).max(100) }).openapi('CreateMyToken');

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    scopes: z.array(z.string()),
    /** The team it was issued for (`--team`): members declare adoption for it. */
    team: z.string().nullable(),
    /** The catalog User a personal token acts for; null for a service token (automation). */
    person: z.string().nullable(),
    /** Who issued it: a token's name, `cli:<user>`, or Paved itself (`first start`, `server`, `demo`). */
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

export const issuedTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    scopes: z.array(z.string()),
    person: z.string().nullable(),
    token: z.string(),
  })
  .openapi('IssuedToken');

export type Me = z.infer<typeof meSchema>;
export type TokenInfo = z.infer<typeof tokenSchema>;
export type AuthConfig = z.infer<typeof authConfigSchema>;
export type IssuedTokenInfo = z.infer<typeof issuedTokenSchema>;
