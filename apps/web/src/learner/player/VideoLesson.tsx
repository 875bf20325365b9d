import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatPercent } from '../../format';
import type { Lesson, LessonProgress } from '../queries';
import { WatchTracker } from '../watch-tracker';
import { HlsVideo } from './HlsVideo';
import { applyLessonResult } from './progress-cache';

/** How often the player reports while the video plays. */
const REPORT_EVERY_MS = 10_000;

interface Props {
  enrollmentId: string;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  onCourseCompleted: () => void;
}

/**
 * A video lesson (or a television lesson's replay): starts where the learner stopped, reports
 * the watched segments every ~10 s of playback, on pause and on leaving the page. A report the
 * network lost is kept and sent again with the next one; the server counts distinct seconds,
 * so nothing is counted twice.
 */
export function VideoLesson({ enrollmentId, lesson, progress, onCourseCompleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [watched, setWatched] = useState(progress?.watchedSeconds ?? 0);
  const [offline, setOffline] = useState(false);
  const [completed, setCompleted] = useState(progress?.status === 'completed');
  const playback = useQuery({
    queryKey: ['playback', lesson.id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/lessons/{id}/playback', { params: { path: { id: lesson.id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
  const url = playback.data?.hlsUrl;
  const resumeAt = playback.data?.resumePositionSeconds ?? 0;

  // Track playback and report it.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !url) return;
    const tracker = new WatchTracker();
    tracker.position = resumeAt;
    let sending = false;
    let lastSentPosition = -1;
    let done = false;

    const report = async (keepalive = false): Promise<void> => {
      if (done || sending) return;
      const position = Math.round(tracker.position);
      if (!tracker.hasPending() && position === lastSentPosition) return;
      const segments = tracker.take();
      sending = true;
      try {
        const result = await unwrap(
          api.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/progress', {
            params: { path: { id: enrollmentId, lessonId: lesson.id } },
            body: { segments, positionSeconds: tracker.position },
            // A report sent as the page goes away must outlive it (sendBeacon cannot carry the
            // Authorization header).
            keepalive,
          }),
        );
        lastSentPosition = position;
        setOffline(false);
        setWatched(result.watchedSeconds);
        applyLessonResult(
          queryClient,
          enrollmentId,
          lesson.id,
          {
            watchedSeconds: result.watchedSeconds,
            positionSeconds: position,
            status: result.completed ? 'completed' : 'in_progress',
          },
          result.courseCompleted,
        );
        if (result.completed) setCompleted(true);
        if (result.courseCompleted) onCourseCompleted();
      } catch (error) {
        // Kept for the next report: the same seconds go out again.
        tracker.giveBack(segments);
        if (error instanceof ApiError && error.status === 0) setOffline(true);
        else if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          // The server refused (withdrawn, lesson changed): further reports would be refused too.
          done = error.code !== 'PROGRESS_CONFLICT' && error.status !== 401;
        }
      } finally {
        sending = false;
      }
    };

    const onTime = () => {
      if (!video.paused && !video.seeking) tracker.played(video.currentTime);
    };
    /** Playback stopped here (pause, end, hidden, left): report what was watched until now. */
    const flush = (keepalive = false) => {
      tracker.stopped(video.currentTime);
      void report(keepalive);
    };
    const onPause = () => flush();
    const onSeeking = () => tracker.stopped();
    const onPlay = () => {
      // A first report tells the server playback began, so credit accrues from now on.
      if (lastSentPosition < 0) void report();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush(true);
    };
    const onPageHide = () => flush(true);
    const onOnline = () => void report();
    const timer = window.setInterval(() => {
      if (!video.paused || tracker.hasPending()) void report();
    }, REPORT_EVERY_MS);

    video.addEventListener('timeupdate', onTime);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onPause);
    video.addEventListener('seeking', onSeeking);
    video.addEventListener('play', onPlay);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.clearInterval(timer);
      video.removeEventListener('timeupdate', onTime);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onPause);
      video.removeEventListener('seeking', onSeeking);
      video.removeEventListener('play', onPlay);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
      // Leaving the lesson inside the app: report what was watched since the last report.
      flush(true);
    };
  }, [url, resumeAt, enrollmentId, lesson.id, queryClient, onCourseCompleted]);

  if (playback.isPending) return <PageLoader />;
  if (playback.isError) {
    const notReady =
      playback.error instanceof ApiError && playback.error.code === 'VIDEO_NOT_READY';
    return notReady ? (
      <Alert variant="filled" color="dark.6">
        {t('player.videoNotReady')}
      </Alert>
    ) : (
      <ApiErrorAlert error={playback.error} onRetry={() => void playback.refetch()} />
    );
  }
  const duration = lesson.durationSeconds ?? 0;
  const percent = duration > 0 ? Math.min(100, (watched * 100) / duration) : 0;
  return (
    <Stack gap="sm">
      <HlsVideo
        url={playback.data.hlsUrl}
        posterUrl={playback.data.posterUrl}
        label={t('player.videoOf', { title: lesson.title })}
        startLabel={resumeAt > 0 ? t('player.resume') : t('player.play')}
        resumeAt={resumeAt}
        videoRef={videoRef}
      />
      <Progress
        value={percent}
        color={completed ? 'green' : 'blue'}
        aria-label={t('player.watchedLabel')}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm" aria-live="polite">
          {t('player.watched', { percent: formatPercent(Math.floor(percent)) })}
        </Text>
        {completed ? (
          <Text size="sm" c="teal.9" fw={600} role="status">
            {t('player.lessonCompleted')}
          </Text>
        ) : (
          <Text size="sm">
            {t('player.threshold', {
              percent: formatPercent(lesson.completionThreshold ?? 90),
            })}
          </Text>
        )}
      </Group>
      {offline ? (
        <Alert variant="filled" color="dark.6" role="status">
          {t('player.reportKept')}
        </Alert>
      ) : null}
    </Stack>
  );
}
