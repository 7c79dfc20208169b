import { z } from 'zod';

/** Emails are compared case-insensitively, so they are stored trimmed and lower-cased. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })).pipe(z.string().max(254));
export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(100);
/** Long passphrases are welcome; 256 keeps hashing cost bounded. */
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(256);

export const setupRequestSchema = z.object({ email: emailSchema, displayName: displayNameSchema, password: passwordSchema });
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const signupRequestSchema = setupRequestSchema;
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const loginRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(256) });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** A signed-in user as the client sees them. */
export const userSchema = z.object({ id: z.string(), email: z.string(), displayName: z.string(), isAdmin: z.boolean() });
export type User = z.infer<typeof userSchema>;

export const setupStatusSchema = z.object({ needsSetup: z.boolean(), openSignup: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;
