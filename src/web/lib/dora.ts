import type { Dora, DoraLevel } from '../api/types.js';
import type { Tone } from '../components/Badge.js';
import { formatHours } from './format.js';
import { doraLevelRule, type LeveledMetric } from '../../shared/dora-levels.js';

export const LEVEL_TONE: Record<DoraLevel, Tone> = { elite: 'success', high: 'info', medium: 'warning', low: 'danger' };

/** The DORA cluster thresholds from DOMAIN.md, as a person reads them (the same ones the server levels with). */
export const LEVEL_RULES: Record<LeveledMetric, string> = {
  deploymentFrequency: doraLevelRule('deploymentFrequency'),
  changeLeadTime: doraLevelRule('changeLeadTime'),
  changeFailRate: doraLevelRule('changeFailRate'),
  recoveryTime: doraLevelRule('recoveryTime'),
};

const rateFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const perFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 0.055 → "5.5%" (one decimal, so a rate near a level's threshold reads on the right side of it); null → "—". */
export function formatRate(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : rateFormat.format(ratio);
}

/** Per day when there is at least one a day, else per week: "2.5 / day", "3.5 / week". */
export function formatFrequency(f: Dora['deploymentFrequency']): string {
  return f.perDay >= 1 ? `${perFormat.format(f.perDay)} / day` : `${perFormat.format(f.perWeek)} / week`;
}

export function formatPer(value: number): string {
  return perFormat.format(value);
}

/** The numbers in one sentence a VP can read aloud. */
export function doraReading(who: string, d: Dora): string {
  if (d.deployments === 0) return `${who}: no production deployment in this period.`;
  const times = d.deployments === 1 ? 'once' : `${d.deployments} times`;
  const failed =
    d.changeFailRate.failed === 0
      ? 'none caused an incident'
      : `${formatRate(d.changeFailRate.value)} caused an incident`;
  const recovered =
    d.failedDeploymentRecoveryTime.medianHours === null
      ? ''
      : `, recovered from in a median ${formatHours(d.failedDeploymentRecoveryTime.medianHours)}`;
  return `${who} deployed to production ${times} (${formatFrequency(d.deploymentFrequency)}); ${failed}${recovered}.`;
}
