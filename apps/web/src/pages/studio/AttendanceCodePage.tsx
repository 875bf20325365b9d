import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useNow } from '../../components/use-now';
import { formatDay, formatTime } from '../../format';
import '../../studio/i18n';
import { formatCountdown } from '../../studio/television/errors';
import '../../studio/television/i18n';
import { useBroadcast, useCourseOf } from '../../studio/television/queries';

/** Whether the page fills the screen, following the browser (Esc leaves full screen too). */
function useFullScreen(): [boolean, () => void] {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return [full, toggle];
}

/** What the countdown says: before, during (to the end of the airing) or after. */
function useTimeLeft(startsAt: string, endsAt: string, cancelled: boolean): string {
  const { t } = useTranslation('studioTv');
  const now = useNow(1000);
  if (cancelled) return t('code.cancelled');
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (now < start) return t('code.startsIn', { time: formatCountdown(start - now) });
  if (now < end) return t('code.endsIn', { time: formatCountdown(end - now) });
  return t('code.ended');
}

function CodeScreen({
  broadcastId,
  lesson,
  course,
  code,
  startsAt,
  endsAt,
  cancelled,
}: {
  broadcastId: string;
  lesson: string;
  course: string;
  code: string | undefined;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
}) {
  const { t } = useTranslation('studioTv');
  const [full, toggle] = useFullScreen();
  const left = useTimeLeft(startsAt, endsAt, cancelled);
  useEffect(() => {
    document.title = `${t('code.pageTitle', { lesson })} · Lifelong`;
  }, [t, lesson]);
  return (
    <Stack gap="lg" p={{ base: 'md', sm: 'xl' }} mih="100vh" justify="space-between">
      <Group justify="space-between" gap="sm">
        <Anchor component={Link} to={`/studio/television/broadcasts/${broadcastId}`} c="gray.0">
          {t('code.back')}
        </Anchor>
        <Button variant="white" color="dark" onClick={toggle}>
          {full ? t('code.exitFullScreen') : t('code.fullScreen')}
        </Button>
      </Group>
      <Stack gap="md" align="center" ta="center">
        <Title
          order={1}
          c="gray.0"
          fz={{ base: '1.5rem', sm: '2.5rem' }}
          style={{ overflowWrap: 'anywhere' }}
        >
          {lesson}
        </Title>
        <Text c="gray.3" fz={{ base: 'md', sm: 'xl' }} style={{ overflowWrap: 'anywhere' }}>
          {course} · {formatDay(startsAt)}, {formatTime(startsAt)}–{formatTime(endsAt)}
        </Text>
        {code ? (
          <>
            <Text c="gray.1" fz={{ base: 'lg', sm: '1.75rem' }}>
              {t('code.enter')}
            </Text>
            <Text
              c="yellow.3"
              ff="monospace"
              fw={700}
              lh={1}
              style={{ fontSize: 'clamp(3.5rem, 17vw, 15rem)', letterSpacing: '0.08em' }}
            >
              {code}
            </Text>
          </>
        ) : (
          <Text c="gray.1" fz="xl">
            {t('code.noCode')}
          </Text>
        )}
      </Stack>
      <Text role="timer" c="gray.0" ta="center" fw={600} fz={{ base: '1.25rem', sm: '2.5rem' }}>
        {left}
      </Text>
    </Stack>
  );
}

/**
 * The attendance code for the room's screen: large type on a dark background, the time left,
 * nothing else of the app around it; a button puts it in full screen.
 */
export function Component() {
  const { t } = useTranslation('studioTv');
  const { id = '' } = useParams();
  // A move or a cancellation reaches the screen within a minute.
  const broadcast = useBroadcast(id, 60_000);
  const course = useCourseOf(broadcast.data?.courseId);
  const error = broadcast.error ?? course.error;
  return (
    <Box component="main" id="main" bg="#111418" mih="100vh">
      {broadcast.isPending || (broadcast.data && course.isPending) ? (
        <PageLoader />
      ) : error || !broadcast.data || !course.data ? (
        <Box p="md">
          <ApiErrorAlert
            error={error}
            onRetry={retryUnlessRefused(error, () => void broadcast.refetch())}
          />
        </Box>
      ) : (
        <CodeScreen
          broadcastId={id}
          lesson={
            course.data.sections
              .flatMap((section) => section.lessons)
              .find((lesson) => lesson.id === broadcast.data.lessonId)?.title ?? t('lesson')
          }
          course={course.data.title}
          code={broadcast.data.attendanceCode}
          startsAt={broadcast.data.startsAt}
          endsAt={broadcast.data.endsAt}
          cancelled={broadcast.data.status === 'cancelled'}
        />
      )}
    </Box>
  );
}
