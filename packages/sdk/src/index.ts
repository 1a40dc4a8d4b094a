export {
  type AssetListQuery,
  type CertificationListQuery,
  type CourseListQuery,
  type CreateSessionInput,
  createPartnerkitClient,
  type DealListQuery,
  type DownloadAssetInput,
  type EnrollmentListQuery,
  type LearningPathQuery,
  type MdfFundQuery,
  type MdfRequestListQuery,
  newIdempotencyKey,
  type PartnerkitClient,
  type PartnerkitClientOptions,
  type RawClient,
  type RequestOptions,
  type TierProgressQuery,
  type WriteOptions,
} from './client.js';
export {
  ERROR_KINDS,
  isPartnerkitError,
  kindForStatus,
  PartnerkitError,
  type PartnerkitErrorInit,
  type PartnerkitErrorKind,
} from './errors.js';
export type { Page } from './pagination.js';
export { paginate } from './pagination.js';
export type { RetryInfo, RetryOptions } from './transport.js';
