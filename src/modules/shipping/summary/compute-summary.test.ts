import { describe, expect, it } from 'vitest';
import { notesShare, notesViews, releaseCounts, voteToRelease, type SummaryRelease } from './compute-summary.js';

const release = (id: number, capability: string, type: SummaryRelease['type'], notes: string, views: number) => ({
  id,
  capability,
  version: `1.${id}.0`,
  type,
  notes,
  views,
});
const RELEASES: SummaryRelease[] = [
  release(1, 'golden-ci', 'feature', 'Remote cache', 4),
  release(2, 'golden-ci', 'fix', '   ', 0),
  release(3, 'base-images', 'security', 'OpenSSL', 7),
  release(4, 'golden-ci', 'feature', 'Matrix', 1),
];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('the shipping figures', () => {
  it('counts releases per capability and type', () => {
    const counts = releaseCounts(RELEASES);
    expect(counts.total).toBe(4);
    expect(counts.byType).toEqual({ feature: 2, fix: 1, breaking: 0, deprecation: 0, security: 1 });
    expect(counts.byCapability.map((c) => [c.capability, c.total, c.byType.feature])).toEqual([
      ['base-images', 1, 0],
      ['golden-ci', 3, 2],
    ]);
  });

  it('takes blank notes as no notes: 3 of 4 have notes', () => {
    expect(notesShare(RELEASES)).toEqual({
      withNotes: 3,
      total: 4,
      share: 0.75,
      without: [{ id: 2, capability: 'golden-ci', version: '1.2.0' }],
    });
    expect(notesShare([]).share).toBeNull();
  });

  it('gives views per release as the mean: (4 + 0 + 7 + 1) / 4 = 3', () => {
    const views = notesViews(RELEASES);
    expect(views.total).toBe(12);
    expect(views.perRelease).toBe(3);
    expect(views.top.map((t) => t.id)).toEqual([3, 1, 4, 2]);
  });

  it('takes the median days from first vote to the earliest closing release, leaving unvoted requests out', () => {
    const figures = voteToRelease([
      // Request 10: first vote 1 March, closed 31 March (30 days) and again 30 April (ignored: the earliest counts).
      {
        requestId: 10,
        title: 'a',
        releaseId: 1,
        release: 'cap 1',
        releasedAt: day('2026-03-31'),
        firstVoteAt: day('2026-03-01'),
      },
      {
        requestId: 10,
        title: 'a',
        releaseId: 4,
        release: 'cap 4',
        releasedAt: day('2026-04-30'),
        firstVoteAt: day('2026-03-01'),
      },
      // Request 11: 10 days. Request 12: 91.5 days. Request 13: no vote.
      {
        requestId: 11,
        title: 'b',
        releaseId: 1,
        release: 'cap 1',
        releasedAt: day('2026-03-31'),
        firstVoteAt: day('2026-03-21'),
      },
      {
        requestId: 12,
        title: 'c',
        releaseId: 3,
        release: 'cap 3',
        releasedAt: new Date('2026-06-01T12:00:00Z'),
        firstVoteAt: day('2026-03-02'),
      },
      { requestId: 13, title: 'd', releaseId: 3, release: 'cap 3', releasedAt: day('2026-06-01'), firstVoteAt: null },
    ]);
    // Days 30, 10, 91.5 → median 30.
    expect(figures.medianDays).toBe(30);
    expect(figures.n).toBe(3);
    expect(figures.withoutVotes).toBe(1);
    expect(figures.items.map((i) => [i.requestId, i.releaseId, i.days])).toEqual([
      [10, 1, 30],
      [11, 1, 10],
      [12, 3, 91.5],
    ]);
  });
});
