-- Invitation links an owner controls: a number of uses (single-use by default), revocation.
-- Links made before this migration could be used any number of times; they become single-use
-- (the safe reading: their owner can make a new link with more uses).
ALTER TABLE "invitations" ADD COLUMN "max_uses" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "use_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "revoked_at" TIMESTAMPTZ(3);

-- The counter can never pass the limit, whatever the code does.
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_uses_check" CHECK ("max_uses" >= 1 AND "use_count" >= 0 AND "use_count" <= "max_uses");

-- Removed members: invitation links refuse them until an owner adds them back by e-mail.
CREATE TABLE "member_removals" (
    "transcript_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "removed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_removals_pkey" PRIMARY KEY ("transcript_id","user_id")
);

CREATE INDEX "member_removals_user_id_idx" ON "member_removals"("user_id");

ALTER TABLE "member_removals" ADD CONSTRAINT "member_removals_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "member_removals" ADD CONSTRAINT "member_removals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
