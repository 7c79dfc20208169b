import {
  apiRoutes,
  setupStatusSchema,
  userResponseSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type SetupRequest,
  type SignupRequest,
  type SetupStatus,
  type User,
} from '@verity/common';
import { apiRequest } from './api-client.ts';
import { isApiError } from './api-error.ts';

/** Whether the first account still has to be created, and whether anyone may sign up. */
export function fetchSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return apiRequest(apiRoutes.setup, { schema: setupStatusSchema, signal });
}

/** The signed-in user, or null when there is no session. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<User | null> {
  try {
    return (await apiRequest(apiRoutes.me, { schema: userResponseSchema, signal })).user;
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

/** Creates the first (owner) account and signs in as it. */
export async function completeSetup(body: SetupRequest): Promise<User> {
  return (await apiRequest(apiRoutes.setup, { method: 'POST', body, schema: userResponseSchema })).user;
}

/** Creates an account when open sign-up is enabled, and signs in as it. */
export async function signup(body: SignupRequest): Promise<User> {
  return (await apiRequest(apiRoutes.signup, { method: 'POST', body, schema: userResponseSchema })).user;
}

/** Signs in with e-mail and password. */
export async function login(body: LoginRequest): Promise<User> {
  return (await apiRequest(apiRoutes.login, { method: 'POST', body, schema: userResponseSchema })).user;
}

/** Ends the current session. */
export function logout(): Promise<undefined> {
  return apiRequest(apiRoutes.logout, { method: 'POST' });
}

/** Changes the signed-in user's password. */
export function changePassword(body: ChangePasswordRequest): Promise<undefined> {
  return apiRequest(apiRoutes.password, { method: 'POST', body });
}
