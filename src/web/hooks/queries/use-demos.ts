import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { AttendanceImportResult, CapabilityDemos, Demo, DemoCreate } from '../../api/demo-types.js';

/** Demo query keys: any demo write invalidates them all (a demo shows on its page, the list and its capability). */
export const demoKeys = {
  all: ['demos'] as const,
  list: (filters: object) => ['demos', 'list', filters] as const,
  one: (id: number) => ['demos', 'one', id] as const,
  capability: (name: string) => ['demos', 'capability', name] as const,
};

/** GET /demos, newest first. */
export function useDemos(filters: { capability?: string; from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: demoKeys.list(filters),
    queryFn: ({ signal }) => api<{ items: Demo[] }>(withQuery('/demos', filters), { signal }),
  });
}

/** GET /demos/{id}. */
export function useDemo(id: number) {
  return useQuery({
    queryKey: demoKeys.one(id),
    queryFn: ({ signal }) => api<Demo>(`/demos/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** GET /capabilities/{name}/demos: its demos and its conversion over them. */
export function useCapabilityDemos(name: string) {
  return useQuery({
    queryKey: demoKeys.capability(name),
    queryFn: ({ signal }) => api<CapabilityDemos>(`/capabilities/${encodeURIComponent(name)}/demos`, { signal }),
  });
}

/** POST /demos (the capability's platform team or an organisation admin). */
export function useCreateDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DemoCreate) => api<Demo>('/demos', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: demoKeys.all }),
  });
}

/** DELETE /demos/{id}. */
export function useDeleteDemo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/demos/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: demoKeys.all }),
  });
}

/** A file's text: Microsoft Teams writes its attendance report in UTF-16 (with a byte order mark). */
async function fileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [a, b] = [bytes[0], bytes[1]];
  const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** POST /demos/{id}/attendance/import: a meeting tool's attendance export. */
export function useImportAttendance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file }: { id: number; file: File }) =>
      api<AttendanceImportResult>(`/demos/${id}/attendance/import`, {
        method: 'POST',
        body: { csv: await fileText(file), source: file.name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: demoKeys.all }),
  });
}
