import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ChunkBoundary } from './components/chunk-boundary.tsx';
import { LoadingState } from './components/page-state.tsx';
import { RequireSession } from './features/auth/require-session.tsx';
import { SessionProvider } from './features/auth/session-context.tsx';
import { SessionGate } from './features/auth/session-gate.tsx';
import { AppLayout } from './features/layout/app-layout.tsx';
import { NotFoundPage } from './features/layout/not-found-page.tsx';
import { TranscriptPage } from './features/transcripts/transcript-page.tsx';
import { AccountPage, GlossariesPage, ImportPage, InvitePage, LoginPage, SetupPage, SignupPage, TranscriptListPage } from './lazy-pages.ts';

/** The whole client: the session, then the routes, public ones first; pages other than the transcript's load on first use. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <SessionGate>
          <ChunkBoundary what="this page">
            <Suspense fallback={<LoadingState />}>
              <Routes>
                <Route path="/setup" element={<SetupPage />} />
                <Route path="/login" element={<LoginPage />} />
                <Route path="/signup" element={<SignupPage />} />
                {/* Public so that signed-out people see what they are invited to before logging in. */}
                <Route path="/invite/:token" element={<InvitePage />} />
                <Route element={<RequireSession />}>
                  <Route element={<AppLayout />}>
                    <Route index element={<TranscriptListPage />} />
                    <Route path="/t/:id" element={<TranscriptPage />} />
                    <Route path="/import" element={<ImportPage />} />
                    <Route path="/account" element={<AccountPage />} />
                    <Route path="/glossaries" element={<GlossariesPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </ChunkBoundary>
        </SessionGate>
      </SessionProvider>
    </BrowserRouter>
  );
}
