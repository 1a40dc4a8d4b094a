-- Near misses across name blocks: a typo in a name's first or last word changes its block, so the
-- conflict check (src/deals.ts) also searches the blocks of the words one typo away. It finds them
-- here: every distinct word a customer name starts or ends with, and the one-deletion forms of
-- each (below). Words shorter than the typo rule allows (5 characters, TYPO_MIN_LENGTH in
-- src/rules/conflict.ts) are never searched and not kept. Triggers keep the table complete
-- whoever writes the rows (the server, the seed, bulk loads); words are never removed (a word of
-- a closed registration costs one row and matches nothing).
CREATE TABLE customer_words (
  word text PRIMARY KEY
);

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

-- Words one typo apart, found exactly: every customer word of 5 to 40 characters (the words the
-- typo rule searches, TYPO_MIN_LENGTH and TYPO_MAX_WORD_LENGTH in src/rules/conflict.ts) with
-- each of its one-deletion forms, itself included. Two words one typo apart always share a form
-- (src/rules/conflict.ts, oneDeletionForms), so the words one typo away from a customer's are
-- among those sharing one of its forms: a few btree lookups, however many words there are (a
-- nearest-neighbour scan over a trigram GiST index of the words takes 50 ms among 300,000). The
-- forms are computed by character, as the server computes them.

CREATE TABLE customer_word_forms (
  form text NOT NULL,
  word text NOT NULL REFERENCES customer_words (word),
  PRIMARY KEY (form, word)
);

CREATE FUNCTION one_deletion_forms(word text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT word WHERE length(word) BETWEEN 5 AND 40
  UNION
  SELECT overlay(word PLACING '' FROM i FOR 1)
    FROM generate_series(1, length(word)) AS i
   WHERE length(word) BETWEEN 5 AND 40
$$;

INSERT INTO customer_word_forms (form, word)
SELECT f, w.word FROM customer_words w, one_deletion_forms(w.word) AS f
ON CONFLICT DO NOTHING;

-- After each INSERT into customer_words (its triggers add only new words): their forms.
CREATE FUNCTION remember_customer_word_forms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_word_forms (form, word)
  SELECT f, n.word FROM new_words n, one_deletion_forms(n.word) AS f
   ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER customer_words_forms AFTER INSERT ON customer_words
  REFERENCING NEW TABLE AS new_words FOR EACH STATEMENT EXECUTE FUNCTION remember_customer_word_forms();
