import type { DeriveSettings } from '../../modules/inbox/derive.js';
import { recordReprocess, reprocessDeliveries } from '../../modules/inbox/reprocess.js';
import { actor } from '../../modules/audit/actor.js';
import { cliActor, whereIs, type Backend } from '../backend.js';

type ErrorBody = { error: { message: string } };

/**
 * `paved reprocess [--failed]`: derives the stored webhook deliveries again and maps facts again. Through a
 * running server it queues the work for the server's worker; directly it runs here and prints what it did.
 */
export async function reprocessCommand(
  backend: Backend,
  args: { failed: boolean; settings?: DeriveSettings },
  log: (line: string) => void,
): Promise<number> {
  const status = args.failed ? 'failed' : 'all';
  if (backend.kind === 'api') {
    const response = await backend.request<{ queued: number } | ErrorBody>('POST', '/api/v1/deliveries/reprocess', {
      status,
    });
    if ('error' in response.body) throw new Error(response.body.error.message);
    log(
      `Queued ${response.body.queued} ${args.failed ? 'failed ' : ''}deliveries; the server at ${backend.url} derives them again, then maps facts again.`,
    );
    return 0;
  }
  const result = await reprocessDeliveries(backend.db, status, args.settings);
  await recordReprocess(backend.db, actor(cliActor(), 'cli'), status, result);
  log(
    `Derived ${result.deliveries} ${args.failed ? 'failed ' : ''}deliveries again in ${whereIs(backend)}: processed ${result.processed} · ignored ${result.ignored} · failed ${result.failed}`,
  );
  const { deployments, changes, incidents } = result.remapped;
  log(`Mapped to a service now: deployments ${deployments} · changes ${changes} · incidents ${incidents}`);
  return 0;
}
