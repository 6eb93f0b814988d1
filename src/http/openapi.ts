import { z } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode } from './errors.js';

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

/** Every error body: `{ "error": { "code", "message", "details"? } }` (errors.ts has the codes). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** An error response for createRoute or registerPath, naming the codes it may carry. */
export const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: errorSchema } },
  description,
});
