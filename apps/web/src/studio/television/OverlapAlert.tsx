import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatDay, formatTime } from '../../format';
import { useBroadcastTitles } from '../../television/broadcast-titles';
import type { OverlapDetails } from './errors';
import { televisionKeys } from './queries';

/**
 * The api refused a slot because the channel is taken: which airing of the new series, and what
 * already airs then (course, lesson and time), in words.
 */
export function OverlapAlert({ overlap }: { overlap: OverlapDetails }) {
  const { t } = useTranslation('studioTv');
  const conflictId = overlap.conflictingBroadcastId;
  const conflict = useQuery({
    queryKey: televisionKeys.broadcast(conflictId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/broadcasts/{id}', { params: { path: { id: conflictId ?? '' } } })),
    enabled: conflictId !== null,
    retry: false,
  });
  const titles = useBroadcastTitles(conflict.data ? [conflict.data.courseId] : []);
  const refused = {
    day: formatDay(overlap.startsAt),
    from: formatTime(overlap.startsAt),
    to: formatTime(overlap.endsAt),
  };
  const other = conflict.data;
  const lesson = other ? titles.lesson(other.lessonId) : undefined;
  const course = other ? titles.course(other.courseId) : undefined;
  const sentence =
    conflictId === null
      ? t('overlap.selfOverlap', refused)
      : other && lesson && course
        ? t('overlap.withAiring', {
            ...refused,
            lesson,
            course,
            day2: formatDay(other.startsAt),
            from2: formatTime(other.startsAt),
            to2: formatTime(other.endsAt),
          })
        : t('overlap.withUnknown', refused);
  return (
    <Alert color="red" role="alert" title={t('overlap.title')}>
      <Text size="sm">{sentence}</Text>
      <Text size="sm" mt={4}>
        {t('overlap.fix')}
      </Text>
    </Alert>
  );
}
