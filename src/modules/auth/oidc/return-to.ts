/** A page of this app to return to after sign-in: a relative path, never another site (`//evil`, `/\evil`). */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > 1000) return '/';
  const control = [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || control) return '/';
  // Whatever the browser would make of it must stay on this origin.
  const base = 'http://paved.invalid';
  const url = new URL(value, base);
  if (url.origin !== base) return '/';
  if (url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
