-- Correction classes (issue 12, accuracy score): the append-only log of reviewers' NER classes
-- (recognition or edition; minor, standard or serious) for corrections between the raw import and the
-- current text. A correction's class is its latest row; a row with no type clears it.

-- CreateEnum
CREATE TYPE "CorrectionType" AS ENUM ('recognition', 'edition');

-- CreateEnum
CREATE TYPE "CorrectionSeverity" AS ENUM ('minor', 'standard', 'serious', 'none');

-- CreateTable
CREATE TABLE "correction_classes" (
    "id" BIGSERIAL NOT NULL,
    "transcript_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "turn_id" TEXT NOT NULL,
    "from_text" TEXT NOT NULL,
    "to_text" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL,
    "type" "CorrectionType",
    "severity" "CorrectionSeverity",
    "classified_by_id" UUID NOT NULL,
    "classified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "correction_classes_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the key is a SHA-256 in lower-case hex, occurrences count from 1, and a row either
    -- classes (type and severity) or clears (neither).
    CONSTRAINT "correction_classes_key_is_sha256" CHECK ("key" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "correction_classes_occurrence_positive" CHECK ("occurrence" >= 1),
    CONSTRAINT "correction_classes_type_with_severity" CHECK (("type" IS NULL) = ("severity" IS NULL))
);

-- CreateIndex
CREATE INDEX "correction_classes_transcript_id_key_idx" ON "correction_classes"("transcript_id", "key");

-- CreateIndex
CREATE INDEX "correction_classes_classified_by_id_idx" ON "correction_classes"("classified_by_id");

-- AddForeignKey
ALTER TABLE "correction_classes" ADD CONSTRAINT "correction_classes_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_classes" ADD CONSTRAINT "correction_classes_classified_by_id_fkey" FOREIGN KEY ("classified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the log is append-only; rows go only with their transcript (refuse_row_change, see
-- 20261126010000_transcript_versions).
CREATE TRIGGER "correction_classes_append_only"
BEFORE UPDATE OR DELETE ON "correction_classes"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('correction classes are append-only');
