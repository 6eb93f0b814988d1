import { median } from '../../../shared/median.js';
import { RELEASE_TYPES, type ReleaseType } from '../releases/contract.js';

// The shipping figures of a period, from plain rows (DOMAIN.md, Shipping), with the items behind each number.

export interface SummaryRelease {
  id: number;
  capability: string;
  version: string;
  type: ReleaseType;
  notes: string;
  views: number;
}

/** A request a release in the period closed, with its first vote (null: nobody voted). */
export interface ClosedRequest {
  requestId: number;
  title: string;
  releaseId: number;
  /** The closing release's capability and version. */
  release: string;
  releasedAt: Date;
  firstVoteAt: Date | null;
}

const DAY_MS = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const byType = (rows: SummaryRelease[]) =>
  Object.fromEntries(RELEASE_TYPES.map((t) => [t, rows.filter((r) => r.type === t).length])) as Record<
    ReleaseType,
    number
  >;

/** Releases per capability and type. */
export function releaseCounts(releases: SummaryRelease[]) {
  const capabilities = [...new Set(releases.map((r) => r.capability))].sort();
  return {
    total: releases.length,
    byType: byType(releases),
    byCapability: capabilities.map((capability) => {
      const rows = releases.filter((r) => r.capability === capability);
      return { capability, total: rows.length, byType: byType(rows) };
    }),
  };
}

/** Share of releases with notes: releases whose notes are not blank / releases. */
export function notesShare(releases: SummaryRelease[]) {
  const without = releases.filter((r) => r.notes.trim() === '');
  const withNotes = releases.length - without.length;
  return {
    withNotes,
    total: releases.length,
    share: releases.length ? withNotes / releases.length : null,
    without: without.map(({ id, capability, version }) => ({ id, capability, version })),
  };
}

/** Views of release notes: in all, per release (mean), and the most read. */
export function notesViews(releases: SummaryRelease[]) {
  const total = releases.reduce((n, r) => n + r.views, 0);
  const top = [...releases].sort((a, b) => b.views - a.views || b.id - a.id).slice(0, 5);
  return {
    total,
    perRelease: releases.length ? round1(total / releases.length) : null,
    top: top.map(({ id, capability, version, views }) => ({ id, capability, version, views })),
  };
}

/**
 * Median days from a request's first vote to the release that closed it (the earliest, if several did), over the
 * requests closed by the period's releases that had a vote; those without a vote are counted beside it.
 */
export function voteToRelease(closed: ClosedRequest[]) {
  const earliest = new Map<number, ClosedRequest>();
  for (const c of closed) {
    const seen = earliest.get(c.requestId);
    if (!seen || c.releasedAt < seen.releasedAt) earliest.set(c.requestId, c);
  }
  const requests = [...earliest.values()].sort((a, b) => a.requestId - b.requestId);
  const voted = requests.filter((r) => r.firstVoteAt !== null);
  const items = voted.map((r) => ({
    requestId: r.requestId,
    title: r.title,
    releaseId: r.releaseId,
    release: r.release,
    days: round1((r.releasedAt.getTime() - (r.firstVoteAt as Date).getTime()) / DAY_MS),
  }));
  const days = median(items.map((i) => i.days));
  return {
    medianDays: days === null ? null : round1(days),
    n: items.length,
    withoutVotes: requests.length - voted.length,
    items,
  };
}
