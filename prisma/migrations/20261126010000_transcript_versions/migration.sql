-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('import', 'auto', 'named', 'restore', 'approval');

-- AlterTable
ALTER TABLE "transcripts" ADD COLUMN     "source_file_name" TEXT,
ADD COLUMN     "source_format" TEXT;

-- CreateTable
CREATE TABLE "transcript_versions" (
    "id" UUID NOT NULL,
    "transcript_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "VersionKind" NOT NULL,
    "name" TEXT,
    "note" TEXT,
    "content" JSONB NOT NULL,
    "content_sha256" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transcript_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transcript_versions_created_by_id_idx" ON "transcript_versions"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "transcript_versions_transcript_id_number_key" ON "transcript_versions"("transcript_id", "number");

-- AddForeignKey
ALTER TABLE "transcript_versions" ADD CONSTRAINT "transcript_versions_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript_versions" ADD CONSTRAINT "transcript_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma has no syntax for triggers): the one guard for rows that must never change,
-- used by every immutable or append-only table. Its argument is the error's subject. UPDATE is always
-- refused; DELETE only when it comes from the ON DELETE CASCADE of the transcript: foreign-key actions
-- run as internal triggers, so inside that cascade the guard sees pg_trigger_depth() = 2, while a
-- DELETE statement run directly sees 1. Append-only tables attach it to UPDATE only.
CREATE FUNCTION "refuse_row_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% (% refused)', TG_ARGV[0], TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

-- Versions are immutable.
CREATE TRIGGER "transcript_versions_immutable"
BEFORE UPDATE OR DELETE ON "transcript_versions"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('transcript versions are immutable');
