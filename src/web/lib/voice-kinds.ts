import type { FeedbackKind } from '../api/voice-types.js';

/** How each kind of item is named in the app's addresses, the API's and in words. */
export interface KindInfo {
  kind: FeedbackKind;
  /** `/voice/<page>` in the app. */
  page: string;
  /** `/api/v1/<api>`. */
  api: string;
  label: string;
  plural: string;
  statuses: readonly string[];
}

export const KIND_INFO: Record<FeedbackKind, KindInfo> = {
  pain: { kind: 'pain', page: 'pains', api: 'pains', label: 'pain', plural: 'Pains', statuses: ['open', 'resolved'] },
  request: {
    kind: 'request',
    page: 'requests',
    api: 'requests',
    label: 'request',
    plural: 'Requests',
    statuses: ['open', 'planned', 'done', 'declined'],
  },
  bug: {
    kind: 'bug',
    page: 'bugs',
    api: 'bugs',
    label: 'bug',
    plural: 'Bugs',
    statuses: ['open', 'acknowledged', 'fixed'],
  },
  support: {
    kind: 'support',
    page: 'support',
    api: 'support-requests',
    label: 'support request',
    plural: 'Support requests',
    statuses: ['open', 'responded', 'resolved'],
  },
};

export const KIND_LIST = Object.values(KIND_INFO);

/** The kind an app address names (`pains` → pain); undefined for anything else. */
export function kindOfPage(page: string | undefined): KindInfo | undefined {
  return KIND_LIST.find((k) => k.page === page);
}

/** The page of one item. */
export const itemPath = (kind: FeedbackKind, id: number) => `/voice/${KIND_INFO[kind].page}/${id}`;

/** Severity 1-4, in the words the forms and lists use (1 is the worst). */
export const SEVERITY: Record<number, { name: string; label: string; help: string }> = {
  1: { name: 'critical', label: '1 · critical', help: 'work stops, no way around it' },
  2: { name: 'major', label: '2 · major', help: 'a painful workaround, every day' },
  3: { name: 'minor', label: '3 · minor', help: 'annoying, with a workaround' },
  4: { name: 'low', label: '4 · low', help: 'cosmetic or now and then' },
};

export const severityLabel = (severity: number | null | undefined) =>
  severity ? (SEVERITY[severity]?.label ?? String(severity)) : '—';
