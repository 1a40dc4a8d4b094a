// @partnerkit/server: the reference backend of the Partnerkit contract.
export { buildApp, loadContract } from './app.js';
export { generateApiKey, hashApiKey, storeApiKey } from './auth.js';
export {
  type DatabaseOptions,
  DEFAULT_DATA_DIR,
  dropSchema,
  openDatabase,
  type PartnerkitDatabase,
} from './db.js';
export { migrate, readMigrations } from './migrate.js';
export { DEMO_KEYS, type DemoSeedResult, seedDemo } from './seed/index.js';
export {
  createPartnerkitServer,
  type PartnerkitServer,
  type PartnerkitServerOptions,
} from './server.js';
export { sweep } from './sweep.js';
export type {
  Caller,
  Database,
  Handler,
  HandlerContext,
  HandlerResult,
  Handlers,
  Queryable,
} from './types.js';
export { ApiError } from './types.js';
