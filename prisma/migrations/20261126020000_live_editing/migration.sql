-- CreateTable
CREATE TABLE "document_updates" (
    "id" BIGSERIAL NOT NULL,
    "transcript_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "user_id" UUID,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_checkpoints" (
    "transcript_id" UUID NOT NULL,
    "upto_seq" INTEGER NOT NULL,
    "state" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_checkpoints_pkey" PRIMARY KEY ("transcript_id","upto_seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_updates_transcript_id_seq_key" ON "document_updates"("transcript_id", "seq");

-- CreateIndex
CREATE INDEX "document_updates_user_id_idx" ON "document_updates"("user_id");

-- AddForeignKey
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_checkpoints" ADD CONSTRAINT "document_checkpoints_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma has no syntax for triggers): the log is append-only, every edit stays
-- attributable. UPDATE is always refused; rows are deleted only with their transcript.
CREATE TRIGGER "document_updates_append_only"
BEFORE UPDATE ON "document_updates"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('document updates are append-only');
