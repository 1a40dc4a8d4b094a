// The demo program: `partnerkit-server seed --demo`. Core data first (program, tiers, products,
// partners, users, demo keys, registrations), then each domain's data, in one transaction each.
// Seeding a database that already has a program is a no-op.
import type { Database } from '../types.js';
import { seedAssets } from './assets.js';
import { DEMO_KEYS, seedCore } from './core.js';
import { seedMdf } from './mdf.js';
import { seedTraining } from './training.js';

export { DEMO_KEYS };

export interface DemoSeedResult {
  /** False when the database already had a program (nothing was written). */
  seeded: boolean;
  /** The fixed demo keys (they work whether or not this call wrote them). */
  keys: typeof DEMO_KEYS;
}

export async function seedDemo(db: Database, now: Date = new Date()): Promise<DemoSeedResult> {
  const { rows } = await db.query('SELECT 1 FROM program');
  if (rows.length > 0) return { seeded: false, keys: DEMO_KEYS };
  await seedCore(db, now);
  await seedTraining(db, now);
  await seedMdf(db, now);
  await seedAssets(db, now);
  return { seeded: true, keys: DEMO_KEYS };
}
