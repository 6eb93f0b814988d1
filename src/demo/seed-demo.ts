import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import { runImport, type ImportResult } from '../modules/imports/run-import.js';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { generateDemoDelivery } from './generate-delivery.js';
import { seedDemoAdoption, type SeedAdoptionResult } from './seed-adoption.js';
import { seedDemoDelivery, type SeedDeliveryResult } from './seed-delivery.js';
import { generateDemoVoice } from './voice/generate-voice.js';
import { seedDemoVoice, type SeedVoiceResult } from './voice/seed-voice.js';
import { generateDemoShipping } from './shipping/generate-shipping.js';
import { seedDemoShipping, type SeedShippingResult } from './shipping/seed-shipping.js';

export const DEMO_SOURCE = 'demo';

export type SeedDemoResult = ImportResult & {
  adoption: SeedAdoptionResult;
  delivery: SeedDeliveryResult;
  voice: SeedVoiceResult;
  shipping: SeedShippingResult;
};

/**
 * Loads the demo organisation through the same import path a real catalog takes, then its adoption
 * history over the 24 months before `today`, the pushes, deployments and incidents that go with it, and what its
 * customer teams said (feedback, votes, conversations, surveys) with the problems and roadmap drawn from it.
 * Deterministic for a seed and a day, so running it again changes nothing. Later features add their demo
 * data after these steps.
 */
export async function seedDemo(
  db: Kysely<Database>,
  seed = 42,
  today: Date = new Date(),
  /** Seals the demo subscriptions' destinations; without it the demo has no subscriptions. */
  secretKey: Buffer | null = null,
): Promise<SeedDemoResult> {
  const catalog = generateDemoCatalog(seed);
  const result = await runImport(db, { files: catalog.files, source: DEMO_SOURCE, skipInvalid: false, actor: 'demo' });
  if (result.status !== 'succeeded') {
    throw new Error(`the demo catalog did not import: ${result.problems.slice(0, 5).join('; ')}`);
  }
  const adoptionPlan = generateDemoAdoption(catalog, seed, today);
  const adoption = await seedDemoAdoption(db, catalog, adoptionPlan);
  const delivery = await seedDemoDelivery(db, generateDemoDelivery(catalog, adoptionPlan, seed, today));
  const voicePlan = generateDemoVoice(catalog, adoptionPlan, seed, today);
  const voice = await seedDemoVoice(db, catalog, voicePlan);
  const shipping = await seedDemoShipping(
    db,
    catalog,
    generateDemoShipping(catalog, adoptionPlan, voicePlan, seed, today),
    today,
    secretKey,
  );
  return { ...result, adoption, delivery, voice, shipping };
}
