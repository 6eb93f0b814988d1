import type { Role } from '../src/db/schema/auth.js';
import type { AuthSettings } from '../src/http/auth-settings.js';
import { createToken } from '../src/modules/auth/service.js';
import { buildApp, type App } from '../src/server/app.js';
import { silentLogger } from '../src/http/logger.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: App;
  database: TestDatabase;
  tokens: Record<Role, string>;
  /** JSON request as a given role (admin by default); returns status and parsed body. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; role?: Role | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function createTestApp(
  deps: {
    allowPrivateDestinations?: boolean;
    secretKey?: Buffer | null;
    scanRoot?: string;
    webhookSecrets?: { github?: string[]; gitlab?: string[]; pagerduty?: string[] };
    productionEnvironments?: string[];
    auth?: AuthSettings;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = buildApp({ db: database.db, logger: silentLogger, ...deps });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'member', 'viewer'] as const) {
    tokens[role] = (await createToken(database.db, { name: `test-${role}`, role })).token;
  }
  return {
    app,
    database,
    tokens,
    async call(method, path, options = {}) {
      const role = options.role === undefined ? 'admin' : options.role;
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (role) headers.authorization = `Bearer ${tokens[role]}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
    close: () => database.close(),
  };
}
