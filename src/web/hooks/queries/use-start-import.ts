import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, ApiError } from '../../api/client.js';
import type { ImportRecord } from '../../api/types.js';
import type { ImportResultBody } from '../../../modules/imports/contract.js';

/** Descriptor files (each with its path inside the folder, so Location targets resolve) or a running Backstage. */
export type ImportStart =
  | { kind: 'files'; files: { path: string; file: File }[]; source: string; skipInvalid: boolean }
  | { kind: 'url'; url: string; token: string; skipInvalid: boolean };

/** What a start answers: files are imported at once (their report, also when rejected); a URL becomes a queued run. */
export type ImportStarted = { kind: 'report'; report: ImportResultBody } | { kind: 'queued'; record: ImportRecord };

async function upload(start: Extract<ImportStart, { kind: 'files' }>): Promise<ImportResultBody> {
  const form = new FormData();
  for (const { path, file } of start.files) form.append('file', file, path);
  form.set('source', start.source);
  form.set('skipInvalid', String(start.skipInvalid));
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/imports/backstage`, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Paved could not be reached. Check your connection and that the server is running.',
    );
  }
  const body = (await res.json().catch(() => null)) as
    ImportResultBody | { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (res.ok && body && 'summary' in body) return body;
  const error = body && 'error' in body ? body.error : undefined;
  throw new ApiError(
    res.status,
    error?.code ?? `HTTP_${res.status}`,
    error?.message ?? `the server answered ${res.status}`,
    error?.details,
  );
}

/** POST /imports/backstage (admins): multipart files, or `{ url, token }` for a running Backstage. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (start: ImportStart): Promise<ImportStarted> => {
      if (start.kind === 'url') {
        const body = { url: start.url, skipInvalid: start.skipInvalid, ...(start.token ? { token: start.token } : {}) };
        return { kind: 'queued', record: await api<ImportRecord>('/imports/backstage', { method: 'POST', body }) };
      }
      try {
        return { kind: 'report', report: await upload(start) };
      } catch (error) {
        // A rejected import changed nothing and says why: that is its report, not a failure to show as an error.
        if (error instanceof ApiError && error.code === 'IMPORT_INVALID' && error.details)
          return { kind: 'report', report: error.details as ImportResultBody };
        throw error;
      }
    },
    // An import can change every team, service and capability: everything read before may be stale.
    onSuccess: () => client.invalidateQueries(),
  });
}
