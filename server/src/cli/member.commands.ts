import type { Command } from 'commander';
import { AppError, emailSchema, grantableRoleSchema } from '@verity/common';
import { addMember, listMembers } from '../transcripts/members.ts';
import { isUuid } from '../transcripts/transcript-access.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { parseOption } from './parse-option.ts';
import { printTable, withDatabase } from './cli-context.ts';

async function requireTranscriptExists(prisma: PrismaClient, id: string): Promise<void> {
  if (!isUuid(id) || !(await prisma.transcript.findUnique({ where: { id } }))) throw new AppError('not_found', `No transcript with id ${id}.`);
}

/** `member add | list`: administrators manage membership without the web UI. */
export function registerMemberCommands(program: Command): void {
  const member = program.command('member').description("manage a transcript's members");

  member
    .command('add')
    .description('give an existing account a role on a transcript')
    .argument('<transcript>', 'transcript id')
    .requiredOption('--email <email>', "the member's e-mail")
    .requiredOption('--role <role>', 'viewer, editor or reviewer')
    .action(async (transcriptId: string, options: { email: string; role: string }) => {
      const email = parseOption(emailSchema, options.email, '--email');
      const role = parseOption(grantableRoleSchema, options.role, '--role');
      const added = await withDatabase(async ({ prisma }) => {
        await requireTranscriptExists(prisma, transcriptId);
        return addMember(prisma, { transcriptId, email, role });
      });
      console.log(`${added.email} is now ${added.role} on ${transcriptId}`);
    });

  member
    .command('list')
    .description("list a transcript's members and their roles")
    .argument('<transcript>', 'transcript id')
    .action(async (transcriptId: string) => {
      const members = await withDatabase(async ({ prisma }) => {
        await requireTranscriptExists(prisma, transcriptId);
        return listMembers(prisma, { transcriptId });
      });
      printTable(members.map((m) => ({ email: m.email, name: m.displayName, role: m.role })));
    });
}
