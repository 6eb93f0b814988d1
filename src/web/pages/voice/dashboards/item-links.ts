import { withQuery } from '../../../api/client.js';

/** The Voice area's item lists (built beside these pages), by the path they live at. */
export type ItemList = 'pains' | 'requests' | 'bugs' | 'support';

export interface ItemListFilters {
  team?: string | null | undefined;
  capability?: string | null | undefined;
  status?: string | undefined;
  /** Opened from this day on (YYYY-MM-DD, UTC). */
  from?: string | undefined;
  /** Opened before this day (exclusive, as the API reads `to`). */
  to?: string | undefined;
  /** Closed (fixed, resolved) from this day on, and before `closedTo`. */
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  platformTeam?: string | null | undefined;
  category?: string | null | undefined;
}

/** `itemsPath('bugs', { capability: 'ci', status: 'open' })` → `/voice/bugs?capability=ci&status=open`. */
export function itemsPath(list: ItemList, filters: ItemListFilters = {}): string {
  return withQuery(`/voice/${list}`, { ...filters });
}

/** Not closed yet, whatever step it reached (a bug acknowledged, a support request answered): the lists' `unresolved`. */
export const UNRESOLVED = 'unresolved';

/** Closed in a period: the items a median time to fix or to resolve is taken over. */
export function closedIn(period: ItemListFilters): ItemListFilters {
  return { closedFrom: period.from, closedTo: period.to };
}

/** A period as the lists take it: its first day and the day after its last. */
export function periodFilters(period: { from: string; to: string }): { from: string; to: string } {
  return { from: period.from.slice(0, 10), to: period.to.slice(0, 10) };
}
