import type { SlaBody } from './contract.js';
import type { CategoryRow, PolicyRow } from './repo.js';

export type Severities = Record<string, { acknowledgeHours: number; fixHours: number }>;

/** The API's `{ "1": { acknowledgeHours, fixHours } }` from stored rows. */
export function policyOf(rows: PolicyRow[]): Severities {
  return Object.fromEntries(
    rows.map((r) => [String(r.severity), { acknowledgeHours: r.acknowledge_hours, fixHours: r.fix_hours }]),
  );
}

export function policyRows(input: SlaBody): PolicyRow[] {
  return Object.entries(input.severities)
    .filter((entry): entry is [string, { acknowledgeHours: number; fixHours: number }] => entry[1] !== undefined)
    .map(([severity, p]) => ({
      severity: Number(severity),
      acknowledge_hours: p.acknowledgeHours,
      fix_hours: p.fixHours,
    }))
    .sort((a, b) => a.severity - b.severity);
}

export function categoryView(row: CategoryRow) {
  return {
    category: row.category,
    capability: row.capability_name,
    gaDate: row.ga_date,
    requests: row.requests,
  };
}
