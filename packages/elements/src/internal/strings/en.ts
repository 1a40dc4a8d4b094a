/** Strings shared by every component: states and failures. */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  requestId: 'Support reference',
  /** The title of a form's error summary. */
  problem: 'There is a problem',
  discard: 'Discard draft',
  more: 'Show more',
  loadingMore: 'Loading more…',
  /** Status names of deal registrations. */
  status: {
    submitted: 'Submitted',
    under_review: 'Under review',
    approved: 'Approved',
    rejected: 'Rejected',
    expired: 'Expired',
    won: 'Won',
    lost: 'Lost',
  },
  /** The message for each kind of failure a call can end in. */
  error: {
    authentication: 'Your session has ended. Sign in again to continue.',
    permission: 'You do not have permission to do this.',
    not_found: 'This item no longer exists or is not visible to you.',
    validation: 'Some of the information was not accepted.',
    conflict: 'This conflicts with the current state. Reload and try again.',
    rate_limit: 'Too many requests. Wait a moment, then try again.',
    server: 'Something went wrong on our side. Try again in a moment.',
    network: 'The server could not be reached. Check your connection and try again.',
    timeout: 'The server took too long to answer. Try again.',
    aborted: 'The request was cancelled.',
  },
};

export type CommonStrings = typeof en;
export default en;
