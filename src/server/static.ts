import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { MiddlewareHandler } from 'hono';

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
    const path = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
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
