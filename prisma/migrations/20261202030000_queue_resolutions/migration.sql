-- Review queue (issue 12): how each queue item was resolved or dismissed, by whom and when.

-- CreateTable
CREATE TABLE "queue_resolutions" (
    "id" BIGSERIAL NOT NULL,
    "transcript_id" UUID NOT NULL,
    "item_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "is_dismissal" BOOLEAN NOT NULL,
    "label" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queue_resolutions_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the API bounds these; the database keeps a forged or oversized value out too.
    CONSTRAINT "queue_resolutions_bounded" CHECK (char_length("item_key") BETWEEN 1 AND 300 AND char_length("label") <= 200 AND char_length("kind") <= 40 AND char_length("action") <= 40)
);

-- CreateIndex
CREATE INDEX "queue_resolutions_transcript_id_created_at_idx" ON "queue_resolutions"("transcript_id", "created_at");

-- CreateIndex
CREATE INDEX "queue_resolutions_user_id_idx" ON "queue_resolutions"("user_id");

-- AddForeignKey
ALTER TABLE "queue_resolutions" ADD CONSTRAINT "queue_resolutions_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_resolutions" ADD CONSTRAINT "queue_resolutions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
