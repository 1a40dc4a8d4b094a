-- Core schema: the program, tiers, partners, users and their keys, products, custom fields, the
-- direct-sales list, deal registrations with their append-only history, idempotency keys.
-- Applied once, in one transaction, by the migration runner (src/migrate.ts), which creates the
-- pg_trgm and btree_gist extensions first.

-- The vendor's program: exactly one row.
CREATE TABLE program (
  id               integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  vendor_name      text    NOT NULL,
  protection_days  integer NOT NULL DEFAULT 90 CHECK (protection_days BETWEEN 1 AND 730),
  extension_days   integer NOT NULL DEFAULT 30 CHECK (extension_days BETWEEN 1 AND 365),
  default_currency text    NOT NULL DEFAULT 'USD' CHECK (default_currency ~ '^[A-Z]{3}$'),
  tier_grace_days  integer NOT NULL DEFAULT 90 CHECK (tier_grace_days >= 0)
);

-- Server-wide settings shared by every server on this database (e.g. the session signing secret).
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Tiers, lowest rank first. `criteria` and `benefits` hold arrays shaped as the contract's
-- TierCriterion and TierBenefit.
CREATE TABLE tiers (
  id       text PRIMARY KEY,
  name     text    NOT NULL,
  rank     integer NOT NULL UNIQUE CHECK (rank >= 0),
  criteria jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(criteria) = 'array'),
  benefits jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(benefits) = 'array')
);

CREATE TABLE partners (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  type        text NOT NULL CHECK (type IN ('reseller', 'var', 'isv', 'si', 'msp', 'referral', 'marketplace')),
  region      text NOT NULL,
  country     text CHECK (country ~ '^[A-Z]{2}$'),
  website     text,
  logo_url    text,
  -- {name, email, phone?, title?}, as the contract's Contact.
  contact     jsonb NOT NULL CHECK (jsonb_typeof(contact) = 'object'),
  tier_id     text NOT NULL REFERENCES tiers (id),
  tier_since  timestamptz NOT NULL,
  grace_until date,
  created_at  timestamptz NOT NULL
);

-- Partner users (partner_id set) and the vendor's own admins (partner_id null).
CREATE TABLE users (
  id         text PRIMARY KEY,
  partner_id text REFERENCES partners (id),
  name       text NOT NULL,
  email      text NOT NULL,
  role       text NOT NULL CHECK (role IN ('partner_user', 'partner_admin', 'vendor_admin')),
  created_at timestamptz NOT NULL,
  CHECK ((partner_id IS NULL) = (role = 'vendor_admin'))
);
CREATE UNIQUE INDEX users_email_per_partner ON users (coalesce(partner_id, ''), lower(email));

-- API keys: only the SHA-256 hash is stored; `prefix` is shown to people to tell keys apart.
CREATE TABLE api_keys (
  id         text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  role       text NOT NULL CHECK (role IN ('partner_user', 'partner_admin', 'vendor_admin')),
  name       text NOT NULL,
  prefix     text NOT NULL,
  hash       text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE products (
  id       text PRIMARY KEY,
  name     text    NOT NULL,
  family   text    NOT NULL,
  active   boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0
);

-- The vendor's custom registration fields, in display order.
CREATE TABLE custom_fields (
  key          text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label        text    NOT NULL,
  hint         text,
  type         text    NOT NULL CHECK (type IN ('text', 'number', 'select', 'date', 'checkbox')),
  required     boolean NOT NULL DEFAULT false,
  options      jsonb CHECK (options IS NULL OR jsonb_typeof(options) = 'array'),
  min          double precision,
  max          double precision,
  max_length   integer CHECK (max_length IS NULL OR max_length >= 1),
  translations jsonb CHECK (translations IS NULL OR jsonb_typeof(translations) = 'object'),
  position     integer NOT NULL DEFAULT 0,
  CHECK (type <> 'select' OR options IS NOT NULL)
);

-- Accounts the vendor sells to directly: registrations for them are conflicts.
CREATE TABLE direct_accounts (
  id          text PRIMARY KEY,
  company     text NOT NULL,
  domain      text,
  company_key text NOT NULL,
  domain_key  text,
  block_first text NOT NULL,
  block_last  text NOT NULL,
  owner       text
);
CREATE INDEX direct_accounts_company_key ON direct_accounts (company_key);
CREATE INDEX direct_accounts_domain_key ON direct_accounts (domain_key) WHERE domain_key IS NOT NULL;
CREATE INDEX direct_accounts_block_first ON direct_accounts (block_first);
CREATE INDEX direct_accounts_block_last ON direct_accounts (block_last);

CREATE SEQUENCE deal_reference_seq;

CREATE TABLE deal_registrations (
  id                  text PRIMARY KEY,
  reference           text NOT NULL UNIQUE,
  partner_id          text NOT NULL REFERENCES partners (id),
  status              text NOT NULL
    CHECK (status IN ('submitted', 'under_review', 'approved', 'rejected', 'expired', 'won', 'lost')),
  -- The customer as entered ({company, domain?, country, region?, contact}), and its keys:
  customer            jsonb NOT NULL CHECK (jsonb_typeof(customer) = 'object'),
  company_key         text NOT NULL,
  domain_key          text,
  -- Blocking keys for the near-miss check: first and last significant token of company_key.
  block_first         text NOT NULL,
  block_last          text NOT NULL,
  -- The name key again, for the trigram (GiST) indexes alone: an index on company_key itself
  -- would also answer `company_key = $1`, and the planner then prefers it to the btree below.
  similarity_key      text GENERATED ALWAYS AS (company_key) STORED,
  product_ids         text[] NOT NULL CHECK (cardinality(product_ids) BETWEEN 1 AND 20),
  estimated_amount    bigint NOT NULL CHECK (estimated_amount >= 0),
  currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  expected_close_date date NOT NULL,
  sourcing            text NOT NULL CHECK (sourcing IN ('sourced', 'influenced')),
  notes               text,
  custom_fields       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
  flags               text[] NOT NULL DEFAULT '{}',
  protected_until     timestamptz,
  extension_requested_at timestamptz,
  extension_reason    text,
  extension_previous_end timestamptz,
  rejection_reason    text,
  closed_amount       bigint CHECK (closed_amount IS NULL OR closed_amount >= 0),
  closed_currency     text CHECK (closed_currency IS NULL OR closed_currency ~ '^[A-Z]{3}$'),
  closed_at           timestamptz,
  submitted_by_id     text NOT NULL REFERENCES users (id),
  submitted_by_name   text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK (status <> 'approved' OR protected_until IS NOT NULL),
  CHECK ((closed_amount IS NULL) = (closed_currency IS NULL))
);

-- The conflict check only ever looks at active rows: partial indexes keep it to the few rows of
-- one customer however many registrations there are.
CREATE INDEX deal_active_company ON deal_registrations (company_key)
  WHERE status IN ('submitted', 'under_review', 'approved');
CREATE INDEX deal_active_domain ON deal_registrations (domain_key)
  WHERE status IN ('submitted', 'under_review', 'approved') AND domain_key IS NOT NULL;
-- Near misses: trigram similarity only within a block (same first, or same last, significant
-- token), both searched in one GiST index each (btree_gist for the block, pg_trgm for the name),
-- so a popular block such as "global" does not mean computing similarity for every row of it.
CREATE INDEX deal_active_block_first_trgm ON deal_registrations USING gist (block_first, similarity_key gist_trgm_ops)
  WHERE status IN ('submitted', 'under_review', 'approved');
CREATE INDEX deal_active_block_last_trgm ON deal_registrations USING gist (block_last, similarity_key gist_trgm_ops)
  WHERE status IN ('submitted', 'under_review', 'approved');
-- Lists, newest first, per partner and overall; the expiry sweep.
CREATE INDEX deal_partner_created ON deal_registrations (partner_id, created_at DESC, id DESC);
CREATE INDEX deal_created ON deal_registrations (created_at DESC, id DESC);
CREATE INDEX deal_approved_until ON deal_registrations (protected_until) WHERE status = 'approved';
-- Won deals count toward tiers (trailing-12-month closed revenue).
CREATE INDEX deal_partner_closed ON deal_registrations (partner_id, closed_at) WHERE status = 'won';

-- Every status change, appended in the same transaction as the change. Never updated or deleted.
CREATE TABLE deal_history (
  id              bigserial PRIMARY KEY,
  registration_id text NOT NULL REFERENCES deal_registrations (id),
  at              timestamptz NOT NULL,
  actor_type      text NOT NULL CHECK (actor_type IN ('partner', 'vendor', 'system')),
  actor_id        text,
  actor_name      text NOT NULL,
  from_status     text,
  to_status       text NOT NULL,
  reason          text
);
CREATE INDEX deal_history_registration ON deal_history (registration_id, at, id);

-- Append-only tables: any UPDATE or DELETE raises. Other history tables reuse this function.
CREATE FUNCTION forbid_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER deal_history_append_only
  BEFORE UPDATE OR DELETE ON deal_history
  FOR EACH ROW EXECUTE FUNCTION forbid_history_change();

-- Idempotency keys, per caller: the first response of a write, replayed for a retry.
CREATE TABLE idempotency_keys (
  caller_id   text NOT NULL,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  state       text NOT NULL CHECK (state IN ('in_progress', 'done')),
  status      integer,
  body        jsonb,
  headers     jsonb,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (caller_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
