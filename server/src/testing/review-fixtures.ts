import type { Role } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { importTranscript } from '../imports/import-transcript.ts';

/** CART with one uncertain span and one unattributed turn: approval needs a waiver. */
export const cartWithIssues = `>> ANA LOPEZ: Good morning. The GAC(?) said so.
>> MODERATOR: Thank you, Ana.
>> Someone in the room agreed.
`;

/** CART with nothing left to resolve. */
export const cleanCart = `>> ANA LOPEZ: Good morning. The GFCE said so.
>> MODERATOR: Thank you, Ana.
>> ANNA LOPEZ: You are welcome.
`;

/** A timed transcript, so SRT and WebVTT can be written. */
export const timedSrt = `1
00:00:01,000 --> 00:00:03,500
>> MODERATOR: Welcome, everyone.

2
00:00:03,600 --> 00:00:06,000
Lea Kaspar: Thanks for having me.
`;

/** Imports a file as `ownerId`'s transcript (version 0) and adds the members. */
export async function importAs(prisma: PrismaClient, options: { ownerId: string; text: string; fileName: string; title?: string; members?: { userId: string; role: Exclude<Role, 'owner'> }[] }) {
  const transcript = await importTranscript(prisma, {
    ownerId: options.ownerId,
    bytes: new TextEncoder().encode(options.text),
    fileName: options.fileName,
    format: 'auto',
    title: options.title,
    maxBytes: 1 << 20,
  });
  for (const member of options.members ?? []) {
    await prisma.membership.create({ data: { transcriptId: transcript.id, userId: member.userId, role: member.role } });
  }
  return transcript;
}

