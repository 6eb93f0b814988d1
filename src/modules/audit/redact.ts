/** What a redacted value reads as: the field changed, its value is not kept. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear (a token, an integration's webhook secret, a password…). */
const SECRET_KEY =
  /(^|[^a-z])(token|secret|password|passwd|passphrase|private.?key|api.?key|access.?key|credentials?|authorization|cookie|signature)([^a-z]|$)/i;
const SECRET_KEY_CAMEL = /(token|secret|password|passwd|passphrase|privatekey|apikey|accesskey|credentials?)$/i;
/** Values that are Paved's own secrets, whatever key they sit under. */
const SECRET_VALUE = /^(pvd|pvs)_[\w-]{16,}$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || SECRET_KEY_CAMEL.test(key.replace(/[^a-z]/gi, ''));
}

/**
 * A copy of `value` with every secret replaced by REDACTED: values under a secret-looking key (at any depth, also
 * a dotted path such as `metadata.annotations.example.com/api-token`) and strings that are Paved tokens. The one
 * place the audit trail drops secrets; `recordAudit` runs every entry's changes through it.
 */
export function redact(value: unknown, key = ''): unknown {
  if (key && isSecretKey(key)) return value === null || value === undefined ? value : REDACTED;
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

const hide = (v: unknown) => (v === null || v === undefined ? null : REDACTED);

/** Changes with secrets redacted; a secret field keeps its entry (it changed) with both sides redacted. */
export function redactChanges(
  changes: Record<string, { before: unknown; after: unknown }>,
): Record<string, { before: unknown; after: unknown }> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, { before, after }]) => [
      field,
      isSecretKey(field)
        ? { before: hide(before), after: hide(after) }
        : { before: redact(before) ?? null, after: redact(after) ?? null },
    ]),
  );
}
