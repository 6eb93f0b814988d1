// seed-delivery.ts still imports the entity lookup from here; this file goes once that import points at find-entity-ids.ts.
export { findEntityIds } from './find-entity-ids.js';
