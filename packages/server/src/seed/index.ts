// The demo program: `partnerkit-server seed --demo`. Core data first (program, tiers, products,
// partners, users, demo keys, registrations), then each domain's data, in one transaction each.
import type { Database } from '../types.js';
import { seedAssets } from './assets.js';
import { seedCore } from './core.js';
import { seedMdf } from './mdf.js';
import { seedTraining } from './training.js';

export async function seedDemo(db: Database, now: Date = new Date()): Promise<void> {
  await seedCore(db, now);
  await seedTraining(db, now);
  await seedMdf(db, now);
  await seedAssets(db, now);
}
