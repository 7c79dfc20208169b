-- Term lists (glossaries): owned by a user, reusable across transcripts, attached by a transcript's owner.
-- The bounds here are the API's (common/src/api/glossary.schemas.ts), so no path around it stores more.
CREATE TABLE "glossaries" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "glossaries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "glossaries_name_check" CHECK (char_length("name") BETWEEN 1 AND 120)
);

CREATE INDEX "glossaries_owner_id_idx" ON "glossaries"("owner_id");

ALTER TABLE "glossaries" ADD CONSTRAINT "glossaries_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "glossary_terms" (
    "id" UUID NOT NULL,
    "glossary_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "misrecognitions" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "glossary_terms_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "glossary_terms_term_check" CHECK (char_length("term") BETWEEN 1 AND 120),
    CONSTRAINT "glossary_terms_note_check" CHECK (char_length("note") <= 500),
    CONSTRAINT "glossary_terms_misrecognitions_check" CHECK (jsonb_typeof("misrecognitions") = 'array' AND jsonb_array_length("misrecognitions") <= 20)
);

CREATE INDEX "glossary_terms_glossary_id_idx" ON "glossary_terms"("glossary_id");

-- A list holds a spelling once, whatever its case ("GFCE" and "gfce" are the same term).
CREATE UNIQUE INDEX "glossary_terms_glossary_id_lower_term_key" ON "glossary_terms"("glossary_id", lower("term"));

ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_glossary_id_fkey" FOREIGN KEY ("glossary_id") REFERENCES "glossaries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "transcript_glossaries" (
    "transcript_id" UUID NOT NULL,
    "glossary_id" UUID NOT NULL,
    "attached_by_id" UUID NOT NULL,
    "attached_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transcript_glossaries_pkey" PRIMARY KEY ("transcript_id","glossary_id")
);

CREATE INDEX "transcript_glossaries_glossary_id_idx" ON "transcript_glossaries"("glossary_id");
CREATE INDEX "transcript_glossaries_attached_by_id_idx" ON "transcript_glossaries"("attached_by_id");

ALTER TABLE "transcript_glossaries" ADD CONSTRAINT "transcript_glossaries_transcript_id_fkey" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "transcript_glossaries" ADD CONSTRAINT "transcript_glossaries_glossary_id_fkey" FOREIGN KEY ("glossary_id") REFERENCES "glossaries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "transcript_glossaries" ADD CONSTRAINT "transcript_glossaries_attached_by_id_fkey" FOREIGN KEY ("attached_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
