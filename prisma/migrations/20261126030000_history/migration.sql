-- History: each version records the log position it was taken at (every document_updates row with
-- seq <= upto_seq is in it), who contributed since the previous version, and what changed (stats).
-- Existing versions (imports) were taken before any log row, hence the defaults.

-- AlterTable
ALTER TABLE "transcript_versions" ADD COLUMN     "upto_seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "contributor_ids" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "stats" JSONB;

