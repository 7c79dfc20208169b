import { transcriptSchema, type TranscriptVersion, type VersionKind } from '@verity/common';

/** A stored version as members see it; the content is re-read through the schema so keys come back in schema order. */
export function presentVersion(version: {
  number: number;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  content: unknown;
  contentSha256: string;
  createdAt: Date;
  createdBy: { id: string; displayName: string };
}): TranscriptVersion {
  return {
    number: version.number,
    kind: version.kind,
    name: version.name,
    note: version.note,
    createdAt: version.createdAt.toISOString(),
    createdBy: { id: version.createdBy.id, displayName: version.createdBy.displayName },
    contentSha256: version.contentSha256,
    content: transcriptSchema.parse(version.content),
  };
}
