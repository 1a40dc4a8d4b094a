-- Tiers: customer satisfaction per partner, the exchange rates closed revenue is converted with,
-- and the append-only log of tier changes (promotions, grace periods, demotions, recoveries).

-- The latest customer-satisfaction score of each partner, 0 to 5.
CREATE TABLE partner_satisfaction (
  partner_id  text PRIMARY KEY REFERENCES partners (id),
  score       numeric(3, 2) NOT NULL CHECK (score BETWEEN 0 AND 5),
  responses   integer NOT NULL DEFAULT 0 CHECK (responses >= 0),
  measured_at timestamptz NOT NULL
);

-- How many units of the program's default currency one unit of each other currency is worth,
-- e.g. {"EUR": 1.08, "GBP": 1.27}. Won deals in a currency not listed here are left out of a
-- closed-revenue criterion in another currency.
ALTER TABLE program ADD COLUMN currency_rates jsonb NOT NULL DEFAULT '{}'
  CHECK (jsonb_typeof(currency_rates) = 'object');

CREATE TABLE tier_changes (
  id           bigserial PRIMARY KEY,
  partner_id   text NOT NULL REFERENCES partners (id),
  at           timestamptz NOT NULL,
  change       text NOT NULL CHECK (change IN ('promoted', 'grace_started', 'demoted', 'recovered')),
  from_tier_id text REFERENCES tiers (id),
  to_tier_id   text NOT NULL REFERENCES tiers (id),
  grace_until  date,
  reason       text
);
CREATE INDEX tier_changes_partner ON tier_changes (partner_id, at, id);
CREATE TRIGGER tier_changes_append_only
  BEFORE UPDATE OR DELETE ON tier_changes
  FOR EACH ROW EXECUTE FUNCTION forbid_history_change();
