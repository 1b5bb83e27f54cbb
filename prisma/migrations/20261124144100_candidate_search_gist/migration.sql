-- DropIndex
DROP INDEX "Candidate_searchText_trgm_idx";

-- CreateIndex
CREATE INDEX "Candidate_searchText_trgm_idx" ON "Candidate" USING GIST ("searchText" gist_trgm_ops(siglen=256));
