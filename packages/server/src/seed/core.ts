import type { Database } from '../types.js';

export async function seedCore(_db: Database, _now: Date): Promise<void> {}
