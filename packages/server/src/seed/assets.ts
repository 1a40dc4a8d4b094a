import type { Database } from '../types.js';

export async function seedAssets(_db: Database, _now: Date): Promise<void> {}
