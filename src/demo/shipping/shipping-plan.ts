/**
 * The demo organisation's shipping as plain data: `generateDemoShipping` builds it, `seedDemoShipping` writes it.
 * Times are ISO 8601 UTC strings, days `YYYY-MM-DD`; nothing happens on or after the plan's `today`. Releases close
 * the voice plan's requests and bugs by their keys.
 */
import type { ReleaseType } from '../../modules/shipping/releases/contract.js';

export interface DemoRelease {
  key: string;
  capability: string;
  version: string;
  type: ReleaseType;
  title: string;
  /** Markdown; '' for the odd maintenance release shipped without notes. */
  notes: string;
  date: string;
  deadline: string | null;
  closes: { kind: 'request' | 'bug'; key: string }[];
  /** Email of the platform team member who published it. */
  by: string;
}

export interface DemoDemo {
  key: string;
  capability: string;
  date: string;
  title: string;
  /** Display name of the presenting platform engineer. */
  presenter: string;
  recording: string;
  slides: string;
  /** Teams and the catalog user who attended for each. */
  attendance: { team: string; person: string }[];
}

export interface DemoShippingPlan {
  seed: number;
  today: string;
  releases: DemoRelease[];
  demos: DemoDemo[];
}
