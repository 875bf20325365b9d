import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { readableBadge } from '../components/readable-badge';
import { formatTime } from '../format';
import type { BroadcastTitles } from './broadcast-titles';

export type Broadcast = components['schemas']['BroadcastDto'];

/** One airing: its time in the person's zone, the course (a link) and the lesson. */
export function Airing({
  broadcast,
  titles,
  channelName,
}: {
  broadcast: Broadcast;
  titles: BroadcastTitles;
  channelName?: string;
}) {
  const { t } = useTranslation();
  const cancelled = broadcast.status === 'cancelled';
  return (
    // A cancelled airing says so (struck time, red badge) at full contrast, never faded.
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text span fw={700} size="sm" td={cancelled ? 'line-through' : undefined}>
          <time dateTime={broadcast.startsAt}>{formatTime(broadcast.startsAt)}</time>
          {'–'}
          <time dateTime={broadcast.endsAt}>{formatTime(broadcast.endsAt)}</time>
        </Text>
        {channelName ? (
          <Badge size="sm" {...readableBadge('grape')}>
            {channelName}
          </Badge>
        ) : null}
        {cancelled ? (
          <Badge size="sm" {...readableBadge('red')}>
            {t('television.cancelled')}
          </Badge>
        ) : null}
      </Group>
      <Anchor component={Link} to={`/courses/${broadcast.courseId}`} size="sm" fw={600}>
        {titles.course(broadcast.courseId) ?? t('television.course')}
      </Anchor>
      <Text size="sm">{titles.lesson(broadcast.lessonId) ?? ''}</Text>
    </Stack>
  );
}
