-- Words one typo apart, found exactly: every customer word of 5 to 40 characters (the words the
-- typo rule searches, TYPO_MIN_LENGTH and TYPO_MAX_WORD_LENGTH in src/rules/conflict.ts) with
-- each of its one-deletion forms, itself included. Two words one typo apart always share a form
-- (src/rules/conflict.ts, oneDeletionForms), so the words one typo away from a customer's are
-- among those sharing one of its forms: a few btree lookups, however many words there are. (A
-- nearest-neighbour scan over the trigram GiST index of 0006 took 0.5 ms among 4,000 words, but
-- 50 ms among 300,000: that index goes.) The forms are computed by character, as the server
-- computes them.
DROP INDEX customer_words_trgm;

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
