import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useNow } from '../components/use-now';
import { readableAlert } from '../components/readable-badge';
import { formatDateTime, formatNumber } from '../format';

type CourseDetail = components['schemas']['CourseDetailDto'];
type Enrollment = components['schemas']['EnrollmentDto'];

/** The signed-in person's enrollment in this course, if any (a withdrawn one does not count). */
function useMyEnrollment(courseId: string, signedIn: boolean) {
  return useQuery({
    queryKey: ['me', 'enrollments', 'first-page'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/enrollments', { params: { query: { pageSize: 100 } } })),
    enabled: signedIn,
    select: (page) =>
      page.items.find((item) => item.courseId === courseId && item.status !== 'withdrawn') ?? null,
  });
}

function EnrolledAnswer({ enrollment, fresh }: { enrollment: Enrollment; fresh: boolean }) {
  const { t } = useTranslation();
  const waitlisted = enrollment.status === 'waitlisted';
  return (
    <Alert
      {...readableAlert(waitlisted ? 'orange' : 'green')}
      title={
        waitlisted
          ? t('course.waitlistedTitle')
          : fresh
            ? t('course.enrolledTitle')
            : t('course.alreadyEnrolledTitle')
      }
      role={fresh ? 'status' : undefined}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {waitlisted
            ? t('course.waitlistedBody')
            : enrollment.status === 'completed'
              ? t('course.completedBody')
              : t('course.enrolledBody')}
        </Text>
        <Button component={Link} to={`/learning/${enrollment.id}`} size="sm">
          {waitlisted ? t('course.viewEnrollment') : t('course.continue')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * Seats, the enrollment window and the enroll button. Signed out: sign in (or register) and come
 * back here. The server decides `active` or `waitlisted`, so a course that filled up since the
 * page loaded shows the waitlist answer.
 */
export function EnrollPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const mine = useMyEnrollment(course.id, Boolean(user));
  const enroll = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/courses/{id}/enrollments', { params: { path: { id: course.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['me', 'enrollments'] });
      void queryClient.invalidateQueries({ queryKey: ['course', course.id] });
    },
  });

  const now = useNow();
  const opensAt = course.enrollmentOpensAt ? Date.parse(course.enrollmentOpensAt) : null;
  const closesAt = course.enrollmentClosesAt ? Date.parse(course.enrollmentClosesAt) : null;
  const seatsLeft = course.capacity === null ? null : course.capacity - course.activeEnrollments;
  const full = seatsLeft !== null && seatsLeft <= 0;
  const returnTo = encodeURIComponent(location.pathname);

  let action;
  if (course.status !== 'published') {
    action = <Text size="sm">{t('course.notOpen')}</Text>;
  } else if (opensAt !== null && opensAt > now) {
    action = (
      <Text size="sm">
        {t('course.opensAt', { at: formatDateTime(course.enrollmentOpensAt as string) })}
      </Text>
    );
  } else if (closesAt !== null && closesAt <= now) {
    action = <Text size="sm">{t('course.closed')}</Text>;
  } else if (user === undefined || (user && mine.isPending)) {
    action = null;
  } else if (!user) {
    action = (
      <Stack gap="xs">
        <Button component={Link} to={`/sign-in?returnTo=${returnTo}`}>
          {t('course.signInToEnroll')}
        </Button>
        <Text size="sm">
          {t('auth.noAccount')}{' '}
          <Anchor component={Link} to={`/register?returnTo=${returnTo}`}>
            {t('nav.register')}
          </Anchor>
        </Text>
      </Stack>
    );
  } else if (enroll.data) {
    action = <EnrolledAnswer enrollment={enroll.data} fresh />;
  } else if (mine.data) {
    action = <EnrolledAnswer enrollment={mine.data} fresh={false} />;
  } else {
    action = (
      <Stack gap="xs">
        {enroll.isError ? <ApiErrorAlert error={enroll.error} /> : null}
        <Button onClick={() => enroll.mutate()} loading={enroll.isPending}>
          {full ? t('course.joinWaitlist') : t('course.enroll')}
        </Button>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enroll-heading">
      <Stack gap="sm">
        <Text id="enroll-heading" fw={700} component="h2" fz="lg" m={0}>
          {t('course.enrollHeading')}
        </Text>
        <Group gap="xs">
          <Text size="sm">
            {seatsLeft === null
              ? t('course.noSeatLimit')
              : full
                ? t('course.fullWaitlist')
                : t('catalogue.seatsLeft', { seats: formatNumber(seatsLeft) })}
          </Text>
        </Group>
        {closesAt !== null && closesAt > now ? (
          <Text size="sm" c="dimmed">
            {t('course.closesAt', { at: formatDateTime(course.enrollmentClosesAt as string) })}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Paper>
  );
}
