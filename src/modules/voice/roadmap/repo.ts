import type { Db } from '../../../db/schema/index.js';

/** A merged problem's roadmap links move to the problem it was merged into (a link held twice is kept once). */
export async function moveProblemLinks(db: Db, from: number, to: number): Promise<void> {
  const links = await db
    .selectFrom('roadmap_links')
    .select('roadmap_id')
    .where('kind', '=', 'problem')
    .where('target_id', '=', from)
    .execute();
  if (links.length > 0)
    await db
      .insertInto('roadmap_links')
      .values(links.map((l) => ({ roadmap_id: l.roadmap_id, kind: 'problem' as const, target_id: to })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await db.deleteFrom('roadmap_links').where('kind', '=', 'problem').where('target_id', '=', from).execute();
}
