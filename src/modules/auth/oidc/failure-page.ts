import type { Context } from 'hono';
import type { AppError } from '../../../http/errors.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** A sign-in happens in the browser, so its failures are a page (with the error's code) rather than JSON. */
export function failurePage(c: Context, error: AppError) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in failed · Paved</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>Sign-in failed</h1>
<p data-error-code="${error.code}">${escape(error.message)}</p>
<p><a href="/sign-in">Back to sign-in</a></p>
</body></html>`;
  return c.html(html, error.status);
}
