import type { Database } from '../types.js';

export async function seedMdf(_db: Database, _now: Date): Promise<void> {}
