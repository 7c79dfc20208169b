-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('submitted', 'sent_back', 'approved', 'reopened');

-- CreateTable
CREATE TABLE "approvals" (
    "id" UUID NOT NULL,
    "transcript_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "approver_id" UUID NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "waiver_reason" TEXT,
    "content_sha256" TEXT NOT NULL,

    CONSTRAINT "approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_events" (
    "id" BIGSERIAL NOT NULL,
    "transcript_id" UUID NOT NULL,
    "action" "ReviewAction" NOT NULL,
    "actor_id" UUID,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "approvals_version_id_key" ON "approvals"("version_id");

-- CreateIndex
CREATE INDEX "approvals_transcript_id_idx" ON "approvals"("transcript_id");

-- CreateIndex
CREATE INDEX "approvals_approver_id_idx" ON "approvals"("approver_id");

-- CreateIndex
CREATE INDEX "review_events_transcript_id_idx" ON "review_events"("transcript_id");

-- CreateIndex
CREATE INDEX "review_events_actor_id_idx" ON "review_events"("actor_id");

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "transcript_versions"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma has no syntax for triggers): an approval is the authoritative record's
-- signature. UPDATE is always refused; DELETE only inside the ON DELETE CASCADE of its transcript
-- (refuse_row_change, as for transcript_versions). The approved version itself is protected by
-- transcript_versions_immutable, and version_id (NO ACTION: checked after the cascade) keeps the pair together.
CREATE TRIGGER "approvals_immutable"
BEFORE UPDATE OR DELETE ON "approvals"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('approvals are immutable');

-- The workflow log is append-only too: UPDATE is refused; rows go only with their transcript.
CREATE TRIGGER "review_events_append_only"
BEFORE UPDATE ON "review_events"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('review events are append-only');
