/**
 * Where each page lives (react-router patterns). The router mounts the pages here, and the build
 * hands the api, for each of these paths, the page's own chunks (vite.config.ts, page-preloads):
 * index.html then names them, so a phone fetches a page's code together with the framework
 * instead of a round trip after it. Keys are the file names under `pages/`. Of the
 * manage pages, compliance is here: it is opened from bookmarks and shared links too, and its
 * first view is timed (bench/compliance-page.bench.ts).
 */
export const PAGE_PATHS = {
  HomePage: '/',
  CataloguePage: '/courses',
  CoursePage: '/courses/:id',
  TelevisionPage: '/television',
  VerifyPage: '/verify',
  FiguresPage: '/figures',
  SignInPage: '/sign-in',
  RegisterPage: '/register',
  ForgotPasswordPage: '/forgot-password',
  ResetPasswordPage: '/reset-password',
  InvitationPage: '/invitation',
  MyLearningPage: '/learning',
  PlayerPage: '/learning/:enrollmentId/lessons?/:lessonId?',
  CertificatesPage: '/certificates',
  NotificationsPage: '/notifications',
  TrainingPage: '/training',
  ProfilePage: '/profile',
  'manage/CompliancePage': '/manage/compliance',
} as const;
