import { createBrowserRouter } from 'react-router';
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
      { path: '*', lazy: () => import('../pages/NotFoundPage') },
    ],
  },
]);
