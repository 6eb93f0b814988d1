import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import { computeResults, type WaveFacts } from './compute-results.js';
import type { Results } from './contract.js';
import * as repo from './repo.js';
import { toWave } from './views.js';

async function factsOf(db: Db, waveId: number, capabilities: repo.WaveCapability[]): Promise<WaveFacts> {
  return {
    waveId,
    capabilities: capabilities.filter((c) => c.wave_id === waveId),
    ...(await repo.resultFacts(db, waveId)),
  };
}

/** A wave's NPS, CSAT, response rate and team breakdown, with the change from the wave before it. */
export async function waveResults(db: Db, id: number): Promise<Results> {
  const wave = await repo.findWave(db, id);
  if (!wave) throw notFound(`survey ${id}`);
  const previousId = await repo.previousWaveId(db, wave);
  const capabilities = await repo.waveCapabilities(db, previousId === null ? [id] : [id, previousId]);
  const facts = await factsOf(db, id, capabilities);
  const previous = previousId === null ? null : await factsOf(db, previousId, capabilities);
  return { wave: toWave(wave, capabilities), ...computeResults(facts, wave.teams, previous) };
}
