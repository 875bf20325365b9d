import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../learner/RequireSignIn';
import { Layout } from './Layout';

/**
 * A page is its own chunk, fetched the first time it is opened, so a learner's first load carries
 * only the pages a learner opens; studio and dashboards never load for them. Pages export their
 * component as `Component`.
 *
 * Declarative routes rather than a data router: the app fetches through TanStack Query, not route
 * loaders, and the data router was 16 KB (gzip) of every first load doing nothing.
 */
const page = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((module) => ({ default: module.Component })));

const HomePage = page(() => import('../pages/HomePage'));
const CataloguePage = page(() => import('../pages/CataloguePage'));
const CoursePage = page(() => import('../pages/CoursePage'));
const TelevisionPage = page(() => import('../pages/TelevisionPage'));
const VerifyPage = page(() => import('../pages/VerifyPage'));
const SignInPage = page(() => import('../pages/SignInPage'));
const RegisterPage = page(() => import('../pages/RegisterPage'));
const MyLearningPage = page(() => import('../pages/MyLearningPage'));
const PlayerPage = page(() => import('../pages/PlayerPage'));
const CertificatesPage = page(() => import('../pages/CertificatesPage'));
const NotificationsPage = page(() => import('../pages/NotificationsPage'));
const TrainingPage = page(() => import('../pages/TrainingPage'));
const ProfilePage = page(() => import('../pages/ProfilePage'));
const NotFoundPage = page(() => import('../pages/NotFoundPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="courses" element={<CataloguePage />} />
        <Route path="courses/:id" element={<CoursePage />} />
        <Route path="television" element={<TelevisionPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        {/* A learner's own pages: signed-out visitors are sent to sign in and brought back. */}
        <Route element={<RequireSignIn />}>
          <Route path="learning" element={<MyLearningPage />} />
          <Route path="learning/:enrollmentId/lessons?/:lessonId?" element={<PlayerPage />} />
          <Route path="certificates" element={<CertificatesPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="training" element={<TrainingPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
