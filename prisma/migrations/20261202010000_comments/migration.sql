-- Comments (issue 12): threads anchored to a range of words by Yjs relative positions, their replies,
-- and the members each one mentions.

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "transcript_id" UUID NOT NULL,
    "parent_id" UUID,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "anchor_start" BYTEA,
    "anchor_end" BYTEA,
    "quote" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the API bounds these; the database keeps a forged or oversized value out too.
    CONSTRAINT "comments_bounded" CHECK (
        char_length("body") BETWEEN 1 AND 4000
        AND (octet_length("anchor_start") BETWEEN 1 AND 64)
        AND (octet_length("anchor_end") BETWEEN 1 AND 64)
        AND char_length("quote") <= 2000
    ),
    -- A thread's first comment has the anchor and the quote; a reply has neither and is never resolved.
    CONSTRAINT "comments_thread_shape" CHECK (
        CASE WHEN "parent_id" IS NULL
            THEN "anchor_start" IS NOT NULL AND "anchor_end" IS NOT NULL AND "quote" IS NOT NULL
            ELSE "anchor_start" IS NULL AND "anchor_end" IS NULL AND "quote" IS NULL AND "resolved_at" IS NULL
        END
    ),
    CONSTRAINT "comments_resolved_by" CHECK (("resolved_at" IS NULL) = ("resolved_by_id" IS NULL)),
    -- The target of the composite foreign key below.
    CONSTRAINT "comments_id_transcript_id_key" UNIQUE ("id", "transcript_id")
);

-- CreateTable
CREATE TABLE "comment_mentions" (
    "comment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "comment_mentions_pkey" PRIMARY KEY ("comment_id", "user_id")
);

-- CreateIndex
CREATE INDEX "comments_transcript_id_created_at_idx" ON "comments"("transcript_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE INDEX "comments_author_id_idx" ON "comments"("author_id");

-- CreateIndex
CREATE INDEX "comments_resolved_by_id_idx" ON "comments"("resolved_by_id");

-- CreateIndex
CREATE INDEX "comment_mentions_user_id_idx" ON "comment_mentions"("user_id");

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey (hand-written: on (parent_id, transcript_id), not parent_id alone, so a reply cannot
-- join a thread of another transcript whatever the application does)
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id", "transcript_id") REFERENCES "comments"("id", "transcript_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
