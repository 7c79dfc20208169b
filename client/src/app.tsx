import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AccountPage } from './features/account/account-page.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { RequireSession } from './features/auth/require-session.tsx';
import { SessionProvider } from './features/auth/session-context.tsx';
import { SessionGate } from './features/auth/session-gate.tsx';
import { SetupPage } from './features/auth/setup-page.tsx';
import { SignupPage } from './features/auth/signup-page.tsx';
import { ImportPage } from './features/imports/import-page.tsx';
import { InvitePage } from './features/invitations/invite-page.tsx';
import { AppLayout } from './features/layout/app-layout.tsx';
import { NotFoundPage } from './features/layout/not-found-page.tsx';
import { TranscriptListPage } from './features/transcripts/transcript-list-page.tsx';
import { TranscriptPage } from './features/transcripts/transcript-page.tsx';

/** The whole client: the session, then the routes, public ones first. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <SessionGate>
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
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </SessionGate>
      </SessionProvider>
    </BrowserRouter>
  );
}
