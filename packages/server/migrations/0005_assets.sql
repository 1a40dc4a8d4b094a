-- The co-branded asset library: files (bytes in the database, so servers stay stateless), assets
-- with full-text search, and downloads (the usage record the vendor sees, and the short-lived
-- co-branded files behind signed links).

CREATE TABLE asset_files (
  id           text PRIMARY KEY,
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 100),
  size         integer NOT NULL CHECK (size = octet_length(data)),
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL
);

-- What search looks at: title and tags weigh more than the description. The 'simple'
-- configuration (no stemming) suits every language of the library; search matches word prefixes.
CREATE FUNCTION asset_search_vector(title text, description text, tags text[])
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('simple'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'A')
      || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B')
$$;

CREATE TABLE assets (
  id              text PRIMARY KEY,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description     text NOT NULL CHECK (length(description) <= 4000),
  type            text NOT NULL CHECK (type IN ('brochure', 'datasheet', 'case_study', 'presentation', 'logo',
                                                 'banner', 'social', 'email_template', 'video', 'whitepaper')),
  format          text NOT NULL CHECK (format IN ('pdf', 'svg', 'png', 'jpg', 'mp4', 'pptx', 'html')),
  language        text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  audience        text NOT NULL CHECK (audience IN ('end_customer', 'partner_sales', 'partner_marketing', 'technical')),
  product_ids     text[] NOT NULL DEFAULT '{}',
  tags            text[] NOT NULL DEFAULT '{}',
  thumbnail_url   text,
  file_id         text NOT NULL REFERENCES asset_files (id),
  -- The co-brand template ({format, width, height, slots}) for co-brandable assets; their file is
  -- the template itself.
  template        jsonb CHECK (template IS NULL OR jsonb_typeof(template) = 'object'),
  -- Only vendor-approved assets are ever offered to partners.
  approval_status text NOT NULL DEFAULT 'draft' CHECK (approval_status IN ('draft', 'approved', 'withdrawn')),
  published_at    timestamptz NOT NULL,
  expires_at      timestamptz,
  download_count  integer NOT NULL DEFAULT 0 CHECK (download_count >= 0),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  search          tsvector GENERATED ALWAYS AS (asset_search_vector(title, description, tags)) STORED,
  CHECK (expires_at IS NULL OR expires_at > published_at)
);
CREATE INDEX assets_search ON assets USING gin (search);
CREATE INDEX assets_products ON assets USING gin (product_ids);
-- One index per sort order, each ending in the id that makes the order total (keyset cursors).
CREATE INDEX assets_newest ON assets (published_at DESC, id DESC);
CREATE INDEX assets_title ON assets (lower(title), id);
CREATE INDEX assets_popular ON assets (download_count DESC, id DESC);
CREATE INDEX assets_type ON assets (type);
CREATE INDEX assets_language ON assets (language);
CREATE INDEX assets_audience ON assets (audience);
CREATE INDEX assets_expires ON assets (expires_at) WHERE expires_at IS NOT NULL;

-- Every download: who, when, co-branded or not. The vendor's usage record.
CREATE TABLE asset_downloads (
  id           text PRIMARY KEY,
  asset_id     text NOT NULL REFERENCES assets (id),
  partner_id   text REFERENCES partners (id),
  user_id      text NOT NULL,
  user_name    text NOT NULL,
  co_branded   boolean NOT NULL,
  fields       jsonb CHECK (fields IS NULL OR jsonb_typeof(fields) = 'object'),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX asset_downloads_asset ON asset_downloads (asset_id, created_at DESC);
CREATE INDEX asset_downloads_partner ON asset_downloads (partner_id, created_at DESC);

-- The co-branded bytes of a download, kept only while its link can still be used.
CREATE TABLE asset_download_files (
  download_id text PRIMARY KEY REFERENCES asset_downloads (id),
  size        integer NOT NULL CHECK (size = octet_length(data)),
  data        bytea NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX asset_download_files_expires ON asset_download_files (expires_at);
