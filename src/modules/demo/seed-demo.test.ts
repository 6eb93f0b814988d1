import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { overview } from '../catalog/service.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { seedDemo } from './seed-demo.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('seedDemo', () => {
  it('loads the generated organisation, and loading it again changes nothing', async () => {
    const demo = generateDemoCatalog(42);
    const first = await seedDemo(database.db);
    expect(first.problems).toEqual([]);
    expect(first.warnings).toEqual([]);
    const numbers = await overview(database.db);
    expect(numbers.customerTeams).toBe(demo.teams.filter((t) => t.role === 'customer').length);
    expect(numbers.platformTeams).toBe(5);
    expect(numbers.services).toBe(demo.services.length);
    expect(numbers.capabilities).toBe(12);
    const again = await seedDemo(database.db);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, orphaned: 0, unchanged: first.summary.created });
  });
});
