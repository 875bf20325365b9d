import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '../learner/RequireSignIn';
import { Layout } from './Layout';

/**
 * Every page is its own chunk (`lazy`), so a learner's first load carries only the pages a
 * learner opens; studio and dashboards never load for them.
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, lazy: () => import('../pages/HomePage') },
      { path: 'courses', lazy: () => import('../pages/CataloguePage') },
      { path: 'courses/:id', lazy: () => import('../pages/CoursePage') },
      { path: 'television', lazy: () => import('../pages/TelevisionPage') },
      { path: 'verify', lazy: () => import('../pages/VerifyPage') },
      { path: 'sign-in', lazy: () => import('../pages/SignInPage') },
      { path: 'register', lazy: () => import('../pages/RegisterPage') },
      { path: 'forgot-password', lazy: () => import('../pages/ForgotPasswordPage') },
      { path: 'reset-password', lazy: () => import('../pages/ResetPasswordPage') },
      { path: 'invitation', lazy: () => import('../pages/InvitationPage') },
      {
        // A learner's own pages: signed-out visitors are sent to sign in and brought back.
        element: <RequireSignIn />,
        children: [
          { path: 'learning', lazy: () => import('../pages/MyLearningPage') },
          {
            path: 'learning/:enrollmentId/lessons?/:lessonId?',
            lazy: () => import('../pages/PlayerPage'),
          },
          { path: 'certificates', lazy: () => import('../pages/CertificatesPage') },
          { path: 'notifications', lazy: () => import('../pages/NotificationsPage') },
          { path: 'training', lazy: () => import('../pages/TrainingPage') },
          { path: 'profile', lazy: () => import('../pages/ProfilePage') },
        ],
      },
      { path: '*', lazy: () => import('../pages/NotFoundPage') },
    ],
  },
]);
