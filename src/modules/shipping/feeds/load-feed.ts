import type { Db } from '../../../db/schema/index.js';
import { findEntity } from '../../catalog/repo.js';
import type { Interest } from '../interest.js';
import { teamNewsQuery } from '../whats-new/whats-new.js';
import { listNews, type NewsRow } from '../whats-new/repo.js';

/** The latest entries a feed carries. */
export const FEED_SIZE = 50;

export type FeedSpec = { kind: 'all' } | { kind: 'capability'; name: string } | { kind: 'team'; name: string };

export interface LoadedFeed {
  /** Stable part of the feed's id and address: `releases`, `capabilities/cap-a`, `teams/payments`. */
  key: string;
  title: string;
  subtitle: string;
  /** The page of Paved the feed mirrors. */
  page: string;
  rows: NewsRow[];
  /** A team's feed: why each capability is there. */
  why?: Map<number, Interest[]>;
}

/** A feed's entries, newest first; null when its capability or team does not exist. */
export async function loadFeed(db: Db, spec: FeedSpec): Promise<LoadedFeed | null> {
  if (spec.kind === 'all') {
    const rows = await listNews(db, { limit: FEED_SIZE });
    return {
      key: 'releases',
      title: 'Paved: releases',
      subtitle: 'Every capability’s releases',
      page: '/shipping',
      rows,
    };
  }
  if (spec.kind === 'capability') {
    const cap = await findEntity(db, 'Capability', 'default', spec.name);
    if (!cap) return null;
    const rows = await listNews(db, { capabilityIds: [cap.id], limit: FEED_SIZE });
    const title = cap.title || cap.name;
    return {
      key: `capabilities/${cap.name}`,
      title: `Paved: ${title} releases`,
      subtitle: `Releases of ${title}`,
      page: `/capabilities/${encodeURIComponent(cap.name)}`,
      rows,
    };
  }
  const team = await findEntity(db, 'Group', 'default', spec.name);
  if (!team) return null;
  const { interests, query } = await teamNewsQuery(db, team.ref);
  const rows = await listNews(db, { capabilityIds: query.capabilityIds, limit: FEED_SIZE });
  return {
    key: `teams/${team.name}`,
    title: `Paved: what’s new for ${team.title || team.name}`,
    subtitle: 'Releases of the capabilities the team uses or asked for',
    page: `/shipping/whats-new?team=${encodeURIComponent(team.name)}`,
    rows,
    why: interests,
  };
}
