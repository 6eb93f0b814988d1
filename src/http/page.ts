import { z } from '@hono/zod-openapi';
import { safeText } from './safe-text.js';

/** The most items any list answers in one page; lists of bigger rows cap lower. */
export const MAX_PAGE_SIZE = 500;

/** `?limit=`: a whole number from 1 to `max` (at most MAX_PAGE_SIZE), `fallback` when absent. */
export function pageLimit(max: number, fallback: number) {
  const cap = Math.min(max, MAX_PAGE_SIZE);
  const reason = `must be a whole number from 1 to ${cap}`;
  return z.coerce.number({ error: reason }).int(reason).min(1, reason).max(cap, reason).default(fallback);
}

/** `?cursor=`: an opaque cursor a previous page returned; each list decodes and checks its own. */
export const cursorParam = safeText(500).optional();
