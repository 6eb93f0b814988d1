import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createDeliveryWriter, type NewDelivery } from './delivery-writer.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const delivery = (deliveryId: string): NewDelivery => ({
  source: 'github',
  deliveryId,
  event: 'push',
  headers: {},
  body: '{}',
  integrationId: null,
  ignored: null,
});

describe('the group-commit writer', () => {
  it('stores the other deliveries of a group the database refuses, one by one, and fails only the bad one', async () => {
    const writer = createDeliveryWriter(database.db);
    // Past the route's checks (a bug, or a check missing): a NUL, which PostgreSQL text cannot hold.
    const results = await Promise.allSettled([
      writer.write(delivery('w-1')),
      writer.write(delivery('w-\u0000-2')),
      writer.write(delivery('w-3')),
      writer.write(delivery('w-1')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual([
      true,
      'refused',
      true,
      false, // a duplicate of w-1, still counted once
    ]);
    const rows = await database.db.selectFrom('deliveries').select(['delivery_id', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { delivery_id: 'w-1', status: 'pending' },
      { delivery_id: 'w-3', status: 'pending' },
    ]);
    const jobs = await database.db.selectFrom('jobs').select('status').execute();
    expect(jobs).toEqual([{ status: 'queued' }]);
  });
});
