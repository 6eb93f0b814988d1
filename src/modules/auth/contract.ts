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
  })
  .openapi('Me');

export const createTokenBody = z
  .strictObject({
    name: safeText(100, 1),
    role: roleSchema,
    scopes: z
      .array(z.enum(['events:write']))
      .max(10)
      .optional(),
    /** The caller's team (name or group ref): members declare adoption for it. */
    team: safeText(200, 1).optional(),
  })
  .openapi('CreateToken');

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    scopes: z.array(z.string()),
    /** The team it was issued for (`--team`): members declare adoption for it. */
    team: z.string().nullable(),
    /** Who issued it: a token's name, `cli:<user>`, or Paved itself (`first start`, `server`, `demo`). */
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

export const issuedTokenSchema = z
  .object({ id: z.number().int(), name: z.string(), role: roleSchema, scopes: z.array(z.string()), token: z.string() })
  .openapi('IssuedToken');

export type Me = z.infer<typeof meSchema>;
export type TokenInfo = z.infer<typeof tokenSchema>;
