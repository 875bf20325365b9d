import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
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
  return (
    <Stack gap={2}>
      <AiringTimes broadcast={broadcast} cancelledLabel={t('television.cancelled')}>
        {channelName ? (
          <Badge size="sm" {...readableBadge('grape')}>
            {channelName}
          </Badge>
        ) : null}
      </AiringTimes>
      <Anchor component={Link} to={`/courses/${broadcast.courseId}`} size="sm" fw={600}>
        {titles.course(broadcast.courseId) ?? t('television.course')}
      </Anchor>
      <Text size="sm">{titles.lesson(broadcast.lessonId) ?? ''}</Text>
    </Stack>
  );
}

/**
 * An airing's time range in the person's zone with its badges; a cancelled airing says so (struck
 * time, red badge) at full contrast, never faded.
 */
export function AiringTimes({
  broadcast,
  cancelledLabel,
  children,
}: {
  broadcast: Broadcast;
  cancelledLabel: string;
  children?: ReactNode;
}) {
  const cancelled = broadcast.status === 'cancelled';
  return (
    <Group gap={6} wrap="wrap">
      <Text span fw={700} size="sm" td={cancelled ? 'line-through' : undefined}>
        <time dateTime={broadcast.startsAt}>{formatTime(broadcast.startsAt)}</time>
        {'–'}
        <time dateTime={broadcast.endsAt}>{formatTime(broadcast.endsAt)}</time>
      </Text>
      {children}
      {cancelled ? (
        <Badge size="sm" {...readableBadge('red')}>
          {cancelledLabel}
        </Badge>
      ) : null}
    </Group>
  );
}
