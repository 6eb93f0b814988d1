import type { Dora, DoraLevel } from '../api/types.js';
import type { Tone } from '../components/Badge.js';
import { formatHours, formatNumber } from './format.js';
import { doraLevelRule, type LeveledMetric } from '../../shared/dora-levels.js';

export const LEVEL_TONE: Record<DoraLevel, Tone> = { elite: 'success', high: 'info', medium: 'warning', low: 'danger' };

/** The DORA cluster thresholds from DOMAIN.md, as a person reads them (the same ones the server levels with). */
export const LEVEL_RULES: Record<LeveledMetric, string> = {
  deploymentFrequency: doraLevelRule('deploymentFrequency'),
  changeLeadTime: doraLevelRule('changeLeadTime'),
  changeFailRate: doraLevelRule('changeFailRate'),
  recoveryTime: doraLevelRule('recoveryTime'),
};

const rateFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const twoDigitsFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 });

/** 0.055 → "5.5%" (one decimal, so a rate near a level's threshold reads on the right side of it); null → "—". */
export function formatRate(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : rateFormat.format(ratio);
}

/** Per day when there is at least one a day, else per week: "64 / day", "2.5 / day", "0.35 / week". */
export function formatFrequency(f: Dora['deploymentFrequency']): string {
  return f.perDay >= 1 ? `${formatPer(f.perDay)} / day` : `${formatPer(f.perWeek)} / week`;
}

/** A rate per day or week: whole from 10 up ("448"), else two significant digits ("2.3", "0.21"), separators as counts. */
export function formatPer(value: number): string {
  return Math.abs(value) >= 10 ? wholeFormat.format(value) : twoDigitsFormat.format(value);
}

/** The numbers in one sentence a VP can read aloud. */
export function doraReading(who: string, d: Dora): string {
  if (d.deployments === 0) return `${who}: no production deployment in this period.`;
  const times = d.deployments === 1 ? 'once' : `${formatNumber(d.deployments)} times`;
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
