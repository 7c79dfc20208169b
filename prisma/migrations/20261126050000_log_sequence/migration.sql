-- AlterTable
ALTER TABLE "transcripts" ADD COLUMN     "last_seq" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: existing logs continue where they are.
UPDATE "transcripts" t SET "last_seq" = s.max_seq
FROM (SELECT "transcript_id", MAX("seq") AS max_seq FROM "document_updates" GROUP BY "transcript_id") s
WHERE s."transcript_id" = t."id";
