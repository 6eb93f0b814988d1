import { describe, expect, it } from 'vitest';
import { createRegistry } from '../jobs/registry.js';
import { createTestDatabase } from '../../test/db.js';
import { MODULES, moduleJobs } from './modules.js';

describe('the modules list', () => {
  it('names each module once', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("registers every module's jobs under distinct names", async () => {
    const database = await createTestDatabase();
    try {
      const jobs = moduleJobs({ db: database.db, derive: {} });
      expect(() => createRegistry(jobs)).not.toThrow();
      expect(createRegistry(jobs).size).toBe(jobs.length);
    } finally {
      await database.close();
    }
  });

  it('refuses two jobs of one name', async () => {
    const database = await createTestDatabase();
    try {
      const [first] = moduleJobs({ db: database.db, derive: {} });
      expect(() => createRegistry([first!, first!])).toThrow(`two jobs are named ${first!.name}`);
    } finally {
      await database.close();
    }
  });
});
