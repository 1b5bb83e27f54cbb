-- DropIndex
DROP INDEX "Candidate_searchText_trgm_idx";

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "searchWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Candidate_searchWords_idx" ON "Candidate" USING GIN ("searchWords");

-- Written by hand (Prisma cannot express storage parameters, functions or triggers).
--
-- No pending list on the search indexes: with fastupdate, new rows wait in an unsorted list
-- that every search reads through (15 ms for a lookup at a million candidates, against 1 ms
-- without). A write costs a little more; a search is the thing someone waits for.
ALTER INDEX "Candidate_searchWords_idx" SET (fastupdate = off);
ALTER INDEX "SearchWord_word_trgm_idx" SET (fastupdate = off);

-- Statistics on ten times as many words. With the default, a word outside the few hundred most
-- common is guessed at 1 % of the table, so a search for a rare word (35 rows in a million) was
-- planned as a sequential scan that stops after 50 matches, and read 400,000 rows (280 ms).
ALTER TABLE "Candidate" ALTER COLUMN "searchWords" SET STATISTICS 1000;

-- The words of a search text: lower case, split on spaces and punctuation, one-letter pieces
-- dropped, and pieces with three digits in a row dropped (ids and numbers in addresses, such
-- as cand52117: a million of those would make the word list as long as the table). The query
-- is split by the same function, so both sides always agree.
CREATE FUNCTION justin_search_words(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
  FROM regexp_split_to_table(lower(coalesce(t, '')), '[[:space:]@._+,;:/()\[\]<>"''!?&|*=#~-]+') AS w
  WHERE length(w) >= 2 AND w !~ '[0-9]{3}'
$$;

-- Keeps "searchWords" in step with "searchText" on every write path (intake, profile, tests,
-- bulk loads), and adds new words to the word list. ON CONFLICT DO NOTHING takes no lock on
-- a word already there; two transactions adding the same new word at once is the only wait.
CREATE FUNCTION justin_candidate_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchWords" := justin_search_words(NEW."searchText");
  IF TG_OP = 'INSERT' OR NEW."searchWords" IS DISTINCT FROM OLD."searchWords" THEN
    INSERT INTO "SearchWord" (word) SELECT unnest(NEW."searchWords") ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER candidate_search_words BEFORE INSERT OR UPDATE OF "searchText" ON "Candidate"
  FOR EACH ROW EXECUTE FUNCTION justin_candidate_search_words();

UPDATE "Candidate" SET "searchText" = "searchText";
