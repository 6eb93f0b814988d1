import { doraLevel, type DoraLevel } from '../../../shared/dora-levels.js';

/** What SQL counts over a period's facts (dora-sql.ts); the metrics below are derived from it. */
export interface DoraTotals {
  deployments: number;
  /** Median and count of the positive lead times of the commits the period's deployments shipped. */
  leadTime: { medianHours: number | null; n: number };
  /** Deployments with at least one attributed incident. */
  failed: number;
  /** Median and count of the recovery times of failed deployments whose incidents are all resolved. */
  recovery: { medianHours: number | null; n: number };
  /** Deployments that finished while an incident of their service was open. */
  rework: number;
  /** Incidents triggered in the period: median and count of the resolved ones' recovery times, and the rest. */
  incidents: { medianHours: number | null; n: number; unresolved: number };
}

export interface DoraResult {
  deployments: number;
  deploymentFrequency: { perDay: number; perWeek: number };
  changeLeadTime: { medianHours: number | null; n: number };
  changeFailRate: { value: number | null; failed: number; total: number };
  failedDeploymentRecoveryTime: { medianHours: number | null; n: number };
  reworkRate: { value: number | null; rework: number; total: number };
  incidentRecoveryTime: { medianHours: number | null; n: number; unresolved: number };
  levels: {
    deploymentFrequency: DoraLevel;
    changeLeadTime: DoraLevel | null;
    changeFailRate: DoraLevel | null;
    recoveryTime: DoraLevel | null;
  };
}

const DAY = 86_400_000;

/** The five DORA metrics and incident recovery time of [from, to), with their DORA levels, as DOMAIN.md defines them. */
export function computeDora(totals: DoraTotals, from: Date, to: Date): DoraResult {
  const days = (to.getTime() - from.getTime()) / DAY;
  const total = totals.deployments;
  const perDay = days > 0 ? total / days : 0;
  const cfr = total === 0 ? null : totals.failed / total;
  return {
    deployments: total,
    deploymentFrequency: { perDay, perWeek: perDay * 7 },
    changeLeadTime: totals.leadTime,
    changeFailRate: { value: cfr, failed: totals.failed, total },
    failedDeploymentRecoveryTime: totals.recovery,
    reworkRate: { value: total === 0 ? null : totals.rework / total, rework: totals.rework, total },
    incidentRecoveryTime: totals.incidents,
    levels: {
      deploymentFrequency: doraLevel('deploymentFrequency', perDay),
      changeLeadTime: doraLevel('changeLeadTime', totals.leadTime.medianHours),
      changeFailRate: doraLevel('changeFailRate', cfr),
      recoveryTime: doraLevel('recoveryTime', totals.recovery.medianHours),
    },
  };
}
