import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatNumber, formatPercent } from '../../format';
import type { Lesson } from '../../learner/queries';
import { HlsVideo } from '../../learner/player/HlsVideo';
import { useStudioErrorMessage } from '../errors';
import { studioKeys } from '../queries';
import { useUnsavedChanges } from '../unsaved';
import { videoFailure } from '../video-failure';
import { formatBytes, type UploadState, useVideoUpload } from './video-upload';

/** How often the processing status is asked for while the worker transcodes. */
const STATUS_EVERY_MS = 2_000;
const SUBTITLE_LANGUAGES = ['vi', 'en'] as const;
type SubtitleLanguage = (typeof SUBTITLE_LANGUAGES)[number];

const studioVideoKey = (videoId: string) => ['studio', 'video', videoId] as const;

/** The api's refusal of an upload or a subtitle, in plain words. */
function useVideoErrorMessage(): (code: string | null, error?: unknown) => string {
  const { t, i18n } = useTranslation('studio');
  const studio = useStudioErrorMessage();
  return (code, error) => {
    const key = `video.errors.${code ?? ''}`;
    if (i18n.exists(key, { ns: 'studio' })) return t(key as 'video.errors.NOT_A_VIDEO');
    return studio(error ?? new ApiError(400, code ?? 'UNKNOWN'));
  };
}

/**
 * A video lesson's video: the resumable upload, then the processing status as it goes (percent,
 * renditions, or why it failed), the subtitles per language and a preview as learners see it.
 */
export function VideoPanel({
  courseId,
  lesson,
  editable,
}: {
  courseId: string;
  lesson: Lesson;
  editable: boolean;
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const upload = useVideoUpload(lesson.id, (videoId) => {
    setUploadedId(videoId);
    void queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
  });
  const videoId = uploadedId ?? lesson.videoId;
  const busy = ['uploading', 'retrying', 'paused', 'offline'].includes(upload.state.phase);
  // Closing the tab or reloading mid-upload asks first (the upload can continue, but only
  // once the same file is chosen again).
  useUnsavedChanges(`video-${lesson.id}`, busy);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="video-panel-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="video-panel-title">
          {t('video.heading')}
        </Title>
        {editable ? <Uploader upload={upload} hasVideo={videoId !== null} busy={busy} /> : null}
        {videoId ? (
          <VideoStatus
            key={videoId}
            courseId={courseId}
            lesson={lesson}
            videoId={videoId}
            editable={editable}
          />
        ) : busy ? null : (
          <Text size="sm">{t('video.none')}</Text>
        )}
      </Stack>
    </Card>
  );
}

function Uploader({
  upload,
  hasVideo,
  busy,
}: {
  upload: ReturnType<typeof useVideoUpload>;
  hasVideo: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation('studio');
  const message = useVideoErrorMessage();
  const { state, interrupted } = upload;
  return (
    <Stack gap="sm">
      {interrupted.length > 0 && !busy ? (
        <Alert variant="filled" color="grape.9" role="status">
          {interrupted.map((item) => (
            <Text size="sm" key={item.urlStorageKey}>
              {t('video.interrupted', {
                name: item.metadata.filename ?? '',
                size: formatBytes(item.size ?? 0),
              })}
            </Text>
          ))}
        </Alert>
      ) : null}
      <FileInput
        label={t('video.file')}
        description={`${t('video.fileHint')}${hasVideo ? ` ${t('video.replaceHint')}` : ''}`}
        accept="video/*,.mp4,.mov,.mkv,.webm"
        clearable={false}
        disabled={busy}
        value={null}
        onChange={(file) => {
          if (file) void upload.start(file);
        }}
      />
      {state.phase !== 'idle' && state.phase !== 'refused' ? (
        <UploadProgress state={state} />
      ) : null}
      {state.phase === 'uploading' || state.phase === 'retrying' ? (
        <Group>
          <Button variant="default" onClick={() => void upload.pause()}>
            {t('video.pause')}
          </Button>
        </Group>
      ) : null}
      {state.phase === 'paused' || state.phase === 'offline' ? (
        <Group>
          <Button onClick={upload.resume}>{t('video.resume')}</Button>
        </Group>
      ) : null}
      {state.phase === 'refused' ? (
        <Alert color="red" variant="light" role="alert">
          {t('video.refused', { reason: message(state.errorCode) })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function UploadProgress({ state }: { state: UploadState }) {
  const { t } = useTranslation('studio');
  const percent = state.total > 0 ? (state.sent * 100) / state.total : 0;
  const notice = {
    idle: null,
    uploading: t('video.uploading', { name: state.name }),
    paused: t('video.paused'),
    retrying: t('video.retrying'),
    offline: t('video.offline'),
    done: t('video.uploaded'),
    refused: null,
  }[state.phase];
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        color={state.phase === 'done' ? 'teal.9' : 'blue.8'}
        aria-label={t('video.progressLabel')}
        animated={state.phase === 'uploading'}
      />
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('video.progress', {
            done: formatBytes(state.sent),
            total: formatBytes(state.total),
            percent: formatPercent(Math.floor(percent)),
          })}
        </Text>
        {state.speed !== null && state.phase === 'uploading' ? (
          <Text size="sm">{t('video.speed', { speed: formatBytes(state.speed) })}</Text>
        ) : null}
      </Group>
      {state.resumedFrom !== null && state.phase !== 'done' ? (
        <Text size="sm">
          {t('video.resumedFrom', { percent: formatPercent(Math.floor(state.resumedFrom * 100)) })}
        </Text>
      ) : null}
      {notice ? (
        <Text size="sm" fw={500} role="status">
          {notice}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Processing status, asked for every 2 s until the video is ready or has failed. */
function VideoStatus({
  courseId,
  lesson,
  videoId,
  editable,
}: {
  courseId: string;
  lesson: Lesson;
  videoId: string;
  editable: boolean;
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const video = useQuery({
    queryKey: studioVideoKey(videoId),
    queryFn: () => unwrap(api.GET('/api/v1/videos/{id}', { params: { path: { id: videoId } } })),
    refetchInterval: (query) =>
      query.state.data?.status === 'processing' ? STATUS_EVERY_MS : false,
  });
  const status = video.data?.status;
  // Ready or failed: the lesson (and whether the course can be published) changed with it.
  useEffect(() => {
    if (status === 'ready' || status === 'failed')
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
  }, [status, courseId, queryClient]);

  if (video.isPending) return <PageLoader />;
  if (video.isError)
    return <ApiErrorAlert error={video.error} onRetry={() => void video.refetch()} />;
  const data = video.data;
  const duration = data.durationSeconds ?? 0;
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-labelledby="video-status-title">
        <Title order={3} size="h5" id="video-status-title">
          {t('video.statusHeading')}
        </Title>
        {data.status === 'processing' ? (
          <>
            <Progress
              value={data.progressPercent}
              aria-label={t('video.processingLabel')}
              color="blue.8"
              animated
            />
            <Text size="sm" role="status">
              {t('video.processing', { percent: formatPercent(data.progressPercent) })}
            </Text>
          </>
        ) : null}
        {data.status === 'failed' ? (
          <Alert color="red" variant="light" role="alert" title={t('video.failed')}>
            {t(`video.failure.${videoFailure(data.error)}`)}
          </Alert>
        ) : null}
        {data.status === 'ready' ? (
          <>
            <Text size="sm" c="teal.9" fw={600} role="status">
              {t('video.ready')}
            </Text>
            {duration > 0 ? (
              <Text size="sm">
                {t('video.duration', {
                  minutes: Math.floor(duration / 60),
                  seconds: Math.round(duration % 60),
                })}
              </Text>
            ) : null}
            <Text size="sm" fw={500} id="video-renditions">
              {t('video.renditions')}
            </Text>
            <List size="sm" aria-labelledby="video-renditions">
              {data.renditions.map((rendition) => (
                <List.Item key={rendition.height}>
                  {t('video.rendition', {
                    height: rendition.height,
                    rate: `${formatNumber(rendition.bandwidth / 1_000_000, 2)} Mbit/s`,
                  })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
      {editable && data.status !== 'failed' ? <Subtitles videoId={videoId} /> : null}
      {data.status === 'ready' ? <Preview lesson={lesson} videoId={videoId} /> : null}
    </Stack>
  );
}

function Subtitles({ videoId }: { videoId: string }) {
  const { t } = useTranslation('studio');
  const message = useVideoErrorMessage();
  const [language, setLanguage] = useState<SubtitleLanguage>('vi');
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: ({ language, file }: { language: SubtitleLanguage; file: File }) => {
      const form = new FormData();
      form.append('language', language);
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/videos/{id}/subtitles', {
          params: { path: { id: videoId } },
          // Sent as multipart: the browser writes the boundary.
          body: form as unknown as { file: string; language: SubtitleLanguage },
        }),
      );
    },
    onSuccess: () => setFile(null),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="video-subtitles-title">
      <Title order={3} size="h5" id="video-subtitles-title">
        {t('video.subtitles.heading')}
      </Title>
      <Text size="sm">{t('video.subtitles.hint')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('video.subtitles.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as SubtitleLanguage)}
          data={SUBTITLE_LANGUAGES.map((value) => ({
            value,
            label: t(`video.subtitles.languages.${value}`),
          }))}
        />
        <FileInput
          label={t('video.subtitles.file')}
          accept=".vtt,text/vtt"
          value={file}
          onChange={setFile}
          miw={200}
          style={{ flex: 1 }}
        />
        <Button
          disabled={!file}
          loading={send.isPending}
          onClick={() => file && send.mutate({ language, file })}
        >
          {t('video.subtitles.upload')}
        </Button>
      </Group>
      {send.isSuccess ? (
        <Text size="sm" c="teal.9" role="status">
          {t('video.subtitles.uploaded', {
            language: t(`video.subtitles.languages.${send.data.language}`),
          })}
        </Text>
      ) : null}
      {send.isError ? (
        <Alert color="red" variant="light" role="alert">
          {message(send.error instanceof ApiError ? send.error.code : null, send.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The video as learners get it: the same signed HLS link and the same player. */
function Preview({ lesson, videoId }: { lesson: Lesson; videoId: string }) {
  const { t } = useTranslation('studio');
  const playback = useQuery({
    queryKey: ['studio', 'playback', lesson.id, videoId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/lessons/{id}/playback', { params: { path: { id: lesson.id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="video-preview-title">
      <Title order={3} size="h5" id="video-preview-title">
        {t('video.preview.heading')}
      </Title>
      <Text size="sm">{t('video.preview.hint')}</Text>
      {playback.isPending ? <PageLoader /> : null}
      {playback.isError ? (
        <ApiErrorAlert error={playback.error} onRetry={() => void playback.refetch()} />
      ) : null}
      {playback.data ? (
        <HlsVideo
          url={playback.data.hlsUrl}
          posterUrl={playback.data.posterUrl}
          label={t('video.preview.label', { title: lesson.title })}
          startLabel={t('video.preview.play')}
        />
      ) : null}
    </Stack>
  );
}
