import type { QueryClient } from '@tanstack/react-query';
import { keys } from './keys.js';

/** After a mandate or declaration changes: every adoption number may have moved. */
export function invalidateAdoption(client: QueryClient, capability: string) {
  void client.invalidateQueries({ queryKey: keys.mandates(capability) });
  void client.invalidateQueries({ queryKey: ['capability-adoption'] });
  void client.invalidateQueries({ queryKey: keys.adoptionMatrix });
  void client.invalidateQueries({ queryKey: ['team-adoption'] });
  void client.invalidateQueries({ queryKey: ['adoption-changes'] });
}
