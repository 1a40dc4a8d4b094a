import type { Database } from '../types.js';

export async function seedTraining(_db: Database, _now: Date): Promise<void> {}
