-- Market development funds: a fund per partner and period, requests against it, claims against
-- approved requests with their proof files, and the append-only status history of both.
-- The fund's figures (requested, approved, claimed, remaining) are never stored: they are summed
-- from the requests and claims every time, so they cannot drift.

CREATE TABLE mdf_funds (
  id           text PRIMARY KEY,
  partner_id   text NOT NULL REFERENCES partners (id),
  period_label text NOT NULL CHECK (length(period_label) BETWEEN 1 AND 40),
  starts_on    date NOT NULL,
  ends_on      date NOT NULL,
  currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  allocated    bigint NOT NULL CHECK (allocated BETWEEN 0 AND 1000000000000),
  created_at   timestamptz NOT NULL,
  CHECK (ends_on >= starts_on),
  UNIQUE (partner_id, currency, starts_on)
);
CREATE INDEX mdf_funds_partner ON mdf_funds (partner_id, starts_on DESC);

CREATE SEQUENCE mdf_request_reference_seq;

CREATE TABLE mdf_requests (
  id                         text PRIMARY KEY,
  reference                  text NOT NULL UNIQUE,
  fund_id                    text NOT NULL REFERENCES mdf_funds (id),
  partner_id                 text NOT NULL REFERENCES partners (id),
  activity_type              text NOT NULL CHECK (activity_type IN
    ('event', 'webinar', 'digital_campaign', 'content_syndication', 'trade_show', 'training', 'other')),
  title                      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description                text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  starts_on                  date NOT NULL,
  ends_on                    date NOT NULL,
  currency                   text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  requested_amount           bigint NOT NULL CHECK (requested_amount BETWEEN 1 AND 1000000000000),
  approved_amount            bigint CHECK (approved_amount IS NULL OR approved_amount BETWEEN 1 AND requested_amount),
  expected_leads             integer NOT NULL CHECK (expected_leads BETWEEN 0 AND 10000000),
  expected_pipeline_amount   bigint NOT NULL CHECK (expected_pipeline_amount BETWEEN 0 AND 1000000000000),
  expected_pipeline_currency text NOT NULL CHECK (expected_pipeline_currency ~ '^[A-Z]{3}$'),
  status                     text NOT NULL
    CHECK (status IN ('submitted', 'approved', 'partially_approved', 'rejected', 'expired')),
  rejection_reason           text,
  submitted_by_id            text NOT NULL,
  submitted_by_name          text NOT NULL,
  created_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL,
  CHECK (ends_on >= starts_on),
  CHECK (status NOT IN ('approved', 'partially_approved') OR approved_amount IS NOT NULL),
  CHECK (status <> 'approved' OR approved_amount = requested_amount),
  CHECK (status <> 'partially_approved' OR approved_amount < requested_amount),
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)
);
CREATE INDEX mdf_requests_fund ON mdf_requests (fund_id, status);
CREATE INDEX mdf_requests_partner_created ON mdf_requests (partner_id, created_at DESC, id DESC);
CREATE INDEX mdf_requests_created ON mdf_requests (created_at DESC, id DESC);
-- The expiry sweep looks only at requests that can still expire.
CREATE INDEX mdf_requests_open ON mdf_requests (ends_on)
  WHERE status IN ('submitted', 'approved', 'partially_approved');

CREATE TABLE mdf_claims (
  id                        text PRIMARY KEY,
  request_id                text NOT NULL REFERENCES mdf_requests (id),
  partner_id                text NOT NULL REFERENCES partners (id),
  currency                  text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount                    bigint NOT NULL CHECK (amount BETWEEN 1 AND 1000000000000),
  approved_amount           bigint CHECK (approved_amount IS NULL OR approved_amount BETWEEN 1 AND amount),
  result_leads              integer NOT NULL CHECK (result_leads BETWEEN 0 AND 10000000),
  result_pipeline_amount    bigint NOT NULL CHECK (result_pipeline_amount BETWEEN 0 AND 1000000000000),
  result_pipeline_currency  text NOT NULL CHECK (result_pipeline_currency ~ '^[A-Z]{3}$'),
  result_notes              text CHECK (result_notes IS NULL OR length(result_notes) <= 4000),
  status                    text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'paid')),
  rejection_reason          text,
  paid_at                   timestamptz,
  submitted_by_id           text NOT NULL,
  submitted_by_name         text NOT NULL,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  CHECK (status NOT IN ('approved', 'paid') OR approved_amount IS NOT NULL),
  CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)
);
CREATE INDEX mdf_claims_request ON mdf_claims (request_id, created_at, id);

-- Proof of performance: the bytes themselves, so servers stay stateless.
CREATE TABLE mdf_proof_files (
  id           text PRIMARY KEY,
  claim_id     text NOT NULL REFERENCES mdf_claims (id),
  position     integer NOT NULL CHECK (position >= 0),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size         integer NOT NULL CHECK (size = octet_length(data)),
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (claim_id, position)
);

-- Every status change of a request or a claim, appended in the same transaction as the change.
CREATE TABLE mdf_history (
  id           bigserial PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('request', 'claim')),
  request_id   text NOT NULL REFERENCES mdf_requests (id),
  claim_id     text REFERENCES mdf_claims (id),
  at           timestamptz NOT NULL,
  actor_type   text NOT NULL CHECK (actor_type IN ('partner', 'vendor', 'system')),
  actor_id     text,
  actor_name   text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  reason       text,
  CHECK ((subject_type = 'claim') = (claim_id IS NOT NULL))
);
CREATE INDEX mdf_history_request ON mdf_history (request_id, at, id);

CREATE TRIGGER mdf_history_append_only
  BEFORE UPDATE OR DELETE ON mdf_history
  FOR EACH ROW EXECUTE FUNCTION forbid_history_change();
