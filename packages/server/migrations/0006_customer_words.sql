-- Near misses across name blocks: a typo in a name's first or last word changes its block, so the
-- conflict check (src/deals.ts) also searches the blocks of the words one typo away. It finds them
-- here: every distinct word a customer name starts or ends with, nearest first by trigram
-- distance. Words shorter than the typo rule allows (5 characters, TYPO_MIN_LENGTH in
-- src/rules/conflict.ts) are never searched and not kept. Triggers keep the table complete
-- whoever writes the rows (the server, the seed, bulk loads); words are never removed (a word of
-- a closed registration costs one row and matches nothing).
CREATE TABLE customer_words (
  word text PRIMARY KEY
);
-- GiST, not GIN: the lookup is a nearest-neighbour scan (`ORDER BY word <-> $1`), which needs no
-- pg_trgm threshold and which only GiST answers.
CREATE INDEX customer_words_trgm ON customer_words USING gist (word gist_trgm_ops);

INSERT INTO customer_words (word)
SELECT w FROM (
  SELECT block_first FROM deal_registrations UNION SELECT block_last FROM deal_registrations
  UNION SELECT block_first FROM direct_accounts UNION SELECT block_last FROM direct_accounts
) AS t(w)
WHERE length(w) >= 5
ON CONFLICT (word) DO NOTHING;

-- After each INSERT statement, the words of all its rows at once (bulk loads stay fast), in a
-- fixed order so that two statements never wait on each other crosswise.
CREATE FUNCTION remember_customer_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_words (word)
  SELECT DISTINCT w FROM (SELECT block_first FROM new_rows UNION ALL SELECT block_last FROM new_rows) AS t(w)
   WHERE length(w) >= 5
   ORDER BY w
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER deal_registrations_words AFTER INSERT ON deal_registrations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION remember_customer_words();
CREATE TRIGGER direct_accounts_words AFTER INSERT ON direct_accounts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION remember_customer_words();

-- The server never changes a customer's keys, but an update by hand keeps the words complete too.
CREATE FUNCTION remember_updated_customer_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_words (word)
  SELECT DISTINCT w FROM unnest(ARRAY[NEW.block_first, NEW.block_last]) AS t(w)
   WHERE length(w) >= 5
   ORDER BY w
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER deal_registrations_words_update AFTER UPDATE OF block_first, block_last ON deal_registrations
  FOR EACH ROW EXECUTE FUNCTION remember_updated_customer_words();
CREATE TRIGGER direct_accounts_words_update AFTER UPDATE OF block_first, block_last ON direct_accounts
  FOR EACH ROW EXECUTE FUNCTION remember_updated_customer_words();
