import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatTime } from '../../format';
import '../../studio/i18n';
import { StudioNav } from '../../studio/StudioNav';
import '../../studio/television/i18n';
import {
  type Broadcast,
  useChannelWeek,
  useSchedulableChannels,
} from '../../studio/television/queries';
import { type BroadcastTitles, useBroadcastTitles } from '../../television/broadcast-titles';
import { dayInstant, daysOf, shiftWeek, weekOf } from '../../television/week';
import { AiringTimes } from '../../television/Airing';
import { WeekGrid } from '../../television/WeekGrid';

function StudioAiring({ broadcast, titles }: { broadcast: Broadcast; titles: BroadcastTitles }) {
  const { t } = useTranslation('studioTv');
  const lesson = titles.lesson(broadcast.lessonId) ?? t('lesson');
  return (
    <Stack gap={2}>
      <AiringTimes broadcast={broadcast} cancelledLabel={t('cancelled')} />
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {titles.course(broadcast.courseId) ?? t('course')}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {lesson}
      </Text>
      <Anchor
        component={Link}
        to={`/studio/television/broadcasts/${broadcast.id}`}
        size="sm"
        aria-label={t('manageNamed', {
          lesson,
          time: formatTime(broadcast.startsAt),
          date: formatDate(broadcast.startsAt),
        })}
      >
        {t('manage')}
      </Anchor>
    </Stack>
  );
}

/** The channels the person schedules on, a week at a time, with a way to each airing. */
export function Component() {
  const { t } = useTranslation('studioTv');
  const [params, setParams] = useSearchParams();
  const monday = weekOf(params.get('week'));
  const days = daysOf(monday);
  const channels = useSchedulableChannels();
  const channel =
    channels.items.find((item) => item.id === params.get('channel')) ?? channels.items[0] ?? null;
  const week = useChannelWeek(channel?.id ?? null, monday);
  const titles = useBroadcastTitles((week.data ?? []).map((item) => item.courseId));

  const go = (change: { week?: string; channel?: string }) => {
    const next = new URLSearchParams(params);
    if (change.week !== undefined) next.set('week', change.week);
    if (change.channel !== undefined) next.set('channel', change.channel);
    setParams(next);
  };

  return (
    <Stack maw={1400} mx="auto" gap="md">
      <StudioNav />
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('title')}</PageTitle>
        {channel ? (
          <Button component={Link} to={`/studio/television/schedule?channel=${channel.id}`}>
            {t('schedule')}
          </Button>
        ) : null}
      </Group>
      <Text>{t('intro')}</Text>
      {channels.isPending ? <PageLoader /> : null}
      {channels.error ? <ApiErrorAlert error={channels.error} onRetry={channels.refetch} /> : null}
      {!channels.isPending && !channel ? <Alert color="blue">{t('noChannels')}</Alert> : null}
      {channel ? (
        <>
          <Group justify="space-between" align="flex-end" gap="sm">
            <NativeSelect
              label={t('channel')}
              value={channel.id}
              onChange={(event) => go({ channel: event.currentTarget.value })}
              data={channels.items.map((item) => ({ value: item.id, label: item.name }))}
              miw={240}
            />
            <Group gap="xs" component="nav" aria-label={t('weekNav')}>
              <Button variant="default" onClick={() => go({ week: shiftWeek(monday, -1) })}>
                {t('previousWeek')}
              </Button>
              <Button variant="default" onClick={() => go({ week: weekOf(null) })}>
                {t('thisWeek')}
              </Button>
              <Button variant="default" onClick={() => go({ week: shiftWeek(monday, 1) })}>
                {t('nextWeek')}
              </Button>
            </Group>
          </Group>
          <Title order={2} size="h4" aria-live="polite">
            {t('weekOf', {
              channel: channel.name,
              from: formatDate(dayInstant(days[0]!)),
              to: formatDate(dayInstant(days[6]!)),
            })}
          </Title>
          {week.isError ? (
            <ApiErrorAlert error={week.error} onRetry={() => void week.refetch()} />
          ) : week.isPending ? (
            <PageLoader />
          ) : (
            <WeekGrid
              days={days}
              airings={week.data}
              busy={week.isFetching}
              labels={{ today: t('today'), nothingThisDay: t('nothingThisDay') }}
              airing={(item) => <StudioAiring broadcast={item} titles={titles} />}
            />
          )}
          {week.data && week.data.length === 0 ? <Text size="sm">{t('emptyWeek')}</Text> : null}
        </>
      ) : null}
    </Stack>
  );
}
