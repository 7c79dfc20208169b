import { lazy, type ComponentType } from 'react';

/** A page component loaded on first use, from its own chunk. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

// Every page but the transcript's: opening a transcript (the editor route, loaded with the app) waits for
// none of their code, nor for what only they use (the import preview, the invitation and account forms).
// `npm run -s build -w client` lists the chunks; client/src/build-chunks.test.ts checks what the editor loads.

/** The transcript list (home). */
export const TranscriptListPage = lazyPage(() => import('./features/transcripts/transcript-list-page.tsx'), (module) => module.TranscriptListPage);
/** Importing a file. */
export const ImportPage = lazyPage(() => import('./features/imports/import-page.tsx'), (module) => module.ImportPage);
/** The account page (display name, password). */
export const AccountPage = lazyPage(() => import('./features/account/account-page.tsx'), (module) => module.AccountPage);
/** An invitation link's landing page. */
export const InvitePage = lazyPage(() => import('./features/invitations/invite-page.tsx'), (module) => module.InvitePage);
/** First-run set-up of the owner account. */
export const SetupPage = lazyPage(() => import('./features/auth/setup-page.tsx'), (module) => module.SetupPage);
/** Signing in. */
export const LoginPage = lazyPage(() => import('./features/auth/login-page.tsx'), (module) => module.LoginPage);
/** Signing up (when open sign-up is on). */
export const SignupPage = lazyPage(() => import('./features/auth/signup-page.tsx'), (module) => module.SignupPage);
/** The user's term lists (glossaries) across transcripts. */
export const GlossariesPage = lazyPage(() => import('./features/glossary/glossaries-page.tsx'), (module) => module.GlossariesPage);
