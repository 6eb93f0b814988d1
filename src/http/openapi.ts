import type { z } from '@hono/zod-openapi';

/** A JSON response for createRoute. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body for createRoute. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** Timestamps leave the API as ISO 8601 in UTC. */
export const isoOrNull = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
