// The release shapes, from the server's contract (types only), beside types.ts so Shipping's pages built in
// parallel do not all edit one file.
import type { z } from 'zod';
import type { Release, releaseCreate } from '../../modules/shipping/releases/contract.js';

export type { Release, ReleaseType } from '../../modules/shipping/releases/contract.js';

/** What POST /releases takes, as sent. */
export type ReleaseInput = z.input<typeof releaseCreate>;
/** What PATCH /releases/{id} takes: any of the fields; `closes`, given, replaces what it closes. */
export type ReleaseChange = Partial<ReleaseInput>;
export interface ReleasePage {
  items: Release[];
  nextCursor: string | null;
}
export type ReleaseCloses = Release['closes'][number];
