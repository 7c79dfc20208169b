import type { Command } from 'commander';
import { displayNameSchema, emailSchema, passwordSchema } from '@verity/common';
import { resetPassword } from '../accounts/change-password.ts';
import { createUser } from '../accounts/create-user.ts';
import { parseOption } from './parse-option.ts';
import { printTable, withDatabase } from './cli-context.ts';
import { readPassword } from './read-password.ts';

/** `user create | list | reset-password`. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage accounts');

  user
    .command('create')
    .description('create an account (asks for the password when --password is not given)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (at least 10 characters)')
    .option('--admin', 'make the account an administrator', false)
    .action(async (options: { email: string; name: string; password?: string; admin: boolean }) => {
      const email = parseOption(emailSchema, options.email, '--email');
      const displayName = parseOption(displayNameSchema, options.name, '--name');
      const password = parseOption(passwordSchema, options.password ?? (await readPassword('Password: ')), '--password');
      const created = await withDatabase(({ prisma }) => createUser(prisma, { email, displayName, password, isAdmin: options.admin }));
      console.log(`Created ${created.email} (${created.displayName}), id ${created.id}`);
    });

  user
    .command('list')
    .description('list every account')
    .action(async () => {
      const users = await withDatabase(({ prisma }) => prisma.user.findMany({ orderBy: { createdAt: 'asc' } }));
      printTable(users.map((u) => ({ id: u.id, email: u.email, name: u.displayName, admin: u.isAdmin ? 'yes' : '', created: u.createdAt.toISOString() })));
    });

  user
    .command('reset-password')
    .description("set a new password for an account and sign out all of its sessions")
    .requiredOption('--email <email>', 'the account')
    .option('--password <password>', 'new password (asked for when not given)')
    .action(async (options: { email: string; password?: string }) => {
      const email = parseOption(emailSchema, options.email, '--email');
      const newPassword = parseOption(passwordSchema, options.password ?? (await readPassword('New password: ')), '--password');
      await withDatabase(({ prisma }) => resetPassword(prisma, { email, newPassword }));
      console.log(`Password reset for ${email}; existing sessions were signed out.`);
    });
}
