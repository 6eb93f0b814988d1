import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { comparesLowercase, SERVICE_ANNOTATION, type MappedSource } from './annotations.js';

const annotationValue = (annotation: string) => sql<string>`metadata->'annotations'->>${sql.lit(annotation)}`;
/** The expression the indexes of migration 0007 are on: the annotation, lowercased where it compares so. */
const annotationKey = (source: MappedSource) => {
  const value = annotationValue(SERVICE_ANNOTATION[source]);
  return comparesLowercase(source) ? sql<string>`lower(${value})` : value;
};

/**
 * Active services whose annotation for `source` is one of `names` (lowercased names for repository slugs: the
 * expression indexes of migration 0007 are on exactly these expressions), oldest first, with their deploy workflows.
 */
export async function servicesByAnnotation(db: Db, source: MappedSource, names: string[]) {
  const key = annotationKey(source);
  return db
    .selectFrom('entities')
    .select([
      'id',
      key.as('name'),
      sql<string | null>`metadata->'annotations'->>'paved.dev/deploy-workflows'`.as('deployWorkflows'),
    ])
    .where('kind', '=', 'Component')
    .where('status', '=', 'active')
    .where(key, 'in', names)
    .orderBy('id')
    .execute();
}

/**
 * The same mapping as a table expression (name, id) for set-based updates: one service per name, the oldest when
 * several claim it.
 */
export const servicesByAnnotationTable = (source: MappedSource) => {
  const key = annotationKey(source);
  return sql`(select ${key} as name, min(id) as id from entities where kind = 'Component' and status = 'active' and ${annotationValue(SERVICE_ANNOTATION[source])} is not null group by 1)`;
};
