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
}

/** `itemsPath('bugs', { capability: 'ci', status: 'open' })` → `/voice/bugs?capability=ci&status=open`. */
export function itemsPath(list: ItemList, filters: ItemListFilters = {}): string {
  return withQuery(`/voice/${list}`, { ...filters });
}

/** A period as the lists take it: its first day and the day after its last. */
export function periodFilters(period: { from: string; to: string }): { from: string; to: string } {
  return { from: period.from.slice(0, 10), to: period.to.slice(0, 10) };
}
