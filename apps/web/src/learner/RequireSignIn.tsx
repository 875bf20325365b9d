import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { PageLoader } from '../components/PageLoader';

/** A learner's pages: a signed-out visitor goes to sign in and comes back here afterwards. */
export function RequireSignIn() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoader />;
  if (user === null) {
    const returnTo = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?returnTo=${returnTo}`} replace />;
  }
  return <Outlet />;
}
