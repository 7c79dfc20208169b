import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from './session-context.tsx';
import { withNext } from './safe-redirect.ts';

/** Guards the signed-in part of the app: first-run goes to /setup, everyone else signed out to /login and back here afterwards. */
export function RequireSession() {
  const { setup, user, hasLoggedOut } = useSession();
  const location = useLocation();
  if (setup?.needsSetup) return <Navigate to="/setup" replace />;
  if (!user) return <Navigate to={hasLoggedOut ? '/login' : withNext('/login', location.pathname + location.search + location.hash)} replace />;
  return <Outlet />;
}
