import type { Role } from '@verity/common';

/** What the middleware learns about a request, typed once for every route. */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: { id: string; email: string; displayName: string; isAdmin: boolean };
      sessionToken?: string;
      access?: { transcriptId: string; userId: string; role: Role };
    }
  }
}

export {};
