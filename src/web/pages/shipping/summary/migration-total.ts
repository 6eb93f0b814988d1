import type { SummaryDeprecation } from '../../../api/shipping-summary-types.js';

/** The open migrations added up: migrated / affected services over those already measured (evaluated). */
export function migrationTotal(items: SummaryDeprecation[]) {
  const measured = items.filter((d) => d.evaluated);
  const affected = measured.reduce((n, d) => n + d.affected, 0);
  const migrated = measured.reduce((n, d) => n + d.migrated, 0);
  const late = new Set(measured.flatMap((d) => d.teamsLate));
  return {
    affected,
    migrated,
    progress: affected === 0 ? null : migrated / affected,
    waiting: items.length - measured.length,
    teamsLate: [...late].sort(),
  };
}
