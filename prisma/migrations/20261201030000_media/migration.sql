-- Recordings (issue 11): a chunked upload in progress, the recording attached to a transcript, and the
-- recording a version was timed against.

-- CreateTable
CREATE TABLE "media_uploads" (
    "id" UUID NOT NULL,
    "transcript_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" TEXT,
    "received_bytes" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "media_uploads_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the bytes received never pass the declared size.
    CONSTRAINT "media_uploads_received_within_size" CHECK ("received_bytes" >= 0 AND "received_bytes" <= "size_bytes")
);

-- CreateIndex
CREATE INDEX "media_uploads_transcript_id_idx" ON "media_uploads"("transcript_id");

-- CreateIndex
CREATE INDEX "media_uploads_created_by_id_idx" ON "media_uploads"("created_by_id");

-- AddForeignKey
ALTER TABLE "media_uploads" ADD CONSTRAINT "media_uploads_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_uploads" ADD CONSTRAINT "media_uploads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "recordings" (
    "transcript_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "container" TEXT NOT NULL,
    "audio_codec" TEXT NOT NULL,
    "has_video" BOOLEAN NOT NULL,
    "playable_sha256" TEXT NOT NULL,
    "playable_type" TEXT NOT NULL,
    "playable_size_bytes" BIGINT NOT NULL,
    "attached_by_id" UUID NOT NULL,
    "attached_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recordings_pkey" PRIMARY KEY ("transcript_id")
);

-- CreateIndex
CREATE INDEX "recordings_sha256_idx" ON "recordings"("sha256");

-- CreateIndex
CREATE INDEX "recordings_attached_by_id_idx" ON "recordings"("attached_by_id");

-- AddForeignKey
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_attached_by_id_fkey" FOREIGN KEY ("attached_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "transcript_versions" ADD COLUMN "recording_sha256" TEXT;
