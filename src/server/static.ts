import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../http/errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built SPA; any path that is not a file gets index.html so client routes work on reload. */
export function serveSpa(root: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch {
      // A truncated or invalid escape (`/%E0%A4%A`) names no file and no client route.
      throw new AppError('VALIDATION_FAILED', 'path: is not valid percent-encoded UTF-8', [
        { field: 'path', reason: 'is not valid percent-encoded UTF-8' },
      ]);
    }
    const path = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root)) return next();
    const ext = extname(file);
    if (ext && TYPES[ext]) {
      try {
        const body = await readFile(file);
        const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return c.body(body, 200, { 'content-type': TYPES[ext], 'cache-control': cache });
      } catch {
        return next();
      }
    }
    try {
      const html = await readFile(join(root, 'index.html'), 'utf8');
      return c.html(html, 200, { 'cache-control': 'no-cache' });
    } catch {
      return c.text('The web UI is not built. Run `npm run build`.', 503);
    }
  };
}
