-- CreateTable
CREATE TABLE "yjs_client_owners" (
    "transcript_id" UUID NOT NULL,
    "client_id" BIGINT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "yjs_client_owners_pkey" PRIMARY KEY ("transcript_id","client_id")
);

-- AddForeignKey
ALTER TABLE "yjs_client_owners" ADD CONSTRAINT "yjs_client_owners_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "yjs_client_owners" ADD CONSTRAINT "yjs_client_owners_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a client id's owner is recorded once, with the first log row that used it, and never
-- changes (blame and the live session's forgery check both rely on it).
CREATE TRIGGER "yjs_client_owners_immutable"
BEFORE UPDATE ON "yjs_client_owners"
FOR EACH ROW EXECUTE FUNCTION "refuse_row_change"('yjs client owners are immutable');
