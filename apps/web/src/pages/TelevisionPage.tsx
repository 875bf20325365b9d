import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { Airing } from '../television/Airing';
import { useBroadcastTitles } from '../television/broadcast-titles';
import { dayInstant, daysOf, shiftWeek, weekOf } from '../television/week';
import { WeekGrid } from '../television/WeekGrid';
import { weekOfBroadcasts } from '../television/week-broadcasts';

function PersonalFeed() {
  const { t } = useTranslation();
  const feed = useQuery({
    queryKey: ['me', 'schedule-feed'],
    queryFn: () => unwrap(api.GET('/api/v1/me/schedule-feed')),
  });
  if (feed.isPending) return null;
  if (feed.isError) return <ApiErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />;
  return (
    <Stack gap={4}>
      <Text size="sm">{t('television.personalFeedHelp')}</Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('television.personalFeed')}
          value={feed.data.url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
        />
        <CopyButton value={feed.data.url}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} color={copied ? 'green' : undefined}>
              {copied ? t('television.copied') : t('television.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const monday = weekOf(params.get('week'));
  const days = daysOf(monday);

  const channels = useQuery({
    queryKey: ['channels'],
    queryFn: () => unwrap(api.GET('/api/v1/channels', { params: { query: { pageSize: 100 } } })),
    staleTime: 10 * 60_000,
  });
  const channelItems = channels.data?.items ?? [];
  const channel =
    channelItems.find((item) => item.id === params.get('channel')) ?? channelItems[0] ?? null;

  const broadcasts = useQuery({
    queryKey: ['broadcasts', channel?.id, monday],
    queryFn: () => weekOfBroadcasts(channel?.id ?? '', monday),
    enabled: Boolean(channel),
    placeholderData: keepPreviousData,
  });
  const titles = useBroadcastTitles((broadcasts.data ?? []).map((item) => item.courseId));

  const go = (change: { week?: string; channel?: string }) => {
    const next = new URLSearchParams(params);
    if (change.week !== undefined) next.set('week', change.week);
    if (change.channel !== undefined) next.set('channel', change.channel);
    setParams(next);
  };

  if (channels.isPending) return <PageLoader />;
  if (channels.isError)
    return <ApiErrorAlert error={channels.error} onRetry={() => void channels.refetch()} />;

  return (
    <Stack maw={1400} mx="auto" gap="md">
      <PageTitle>{t('television.title')}</PageTitle>
      <Text>{t('television.intro')}</Text>
      {!channel ? (
        <Alert color="blue">{t('television.noChannels')}</Alert>
      ) : (
        <>
          <Group justify="space-between" align="flex-end" gap="sm">
            <NativeSelect
              label={t('television.channel')}
              value={channel.id}
              onChange={(event) => go({ channel: event.currentTarget.value })}
              data={channelItems.map((item) => ({ value: item.id, label: item.name }))}
              miw={240}
            />
            <Group gap="xs" component="nav" aria-label={t('television.weekNav')}>
              <Button variant="default" onClick={() => go({ week: shiftWeek(monday, -1) })}>
                {t('television.previousWeek')}
              </Button>
              <Button variant="default" onClick={() => go({ week: weekOf(null) })}>
                {t('television.thisWeek')}
              </Button>
              <Button variant="default" onClick={() => go({ week: shiftWeek(monday, 1) })}>
                {t('television.nextWeek')}
              </Button>
            </Group>
          </Group>
          <Title order={2} size="h4" aria-live="polite">
            {t('television.weekOf', {
              channel: channel.name,
              from: formatDate(dayInstant(days[0]!)),
              to: formatDate(dayInstant(days[6]!)),
            })}
          </Title>
          {channel.description ? (
            <Text size="sm" c="dimmed">
              {channel.description}
            </Text>
          ) : null}
          {broadcasts.isError ? (
            <ApiErrorAlert error={broadcasts.error} onRetry={() => void broadcasts.refetch()} />
          ) : broadcasts.isPending ? (
            <PageLoader />
          ) : (
            <WeekGrid
              days={days}
              airings={broadcasts.data}
              busy={broadcasts.isFetching}
              labels={{
                today: t('television.today'),
                nothingThisDay: t('television.nothingThisDay'),
              }}
              airing={(item) => <Airing broadcast={item} titles={titles} />}
            />
          )}
          {broadcasts.data && broadcasts.data.length === 0 ? (
            <Text size="sm">{t('television.emptyWeek')}</Text>
          ) : null}

          <Paper withBorder p="md" component="section" aria-labelledby="calendar-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="calendar-heading">
                {t('television.addToCalendar')}
              </Title>
              <Text size="sm">{t('television.channelFeedHelp')}</Text>
              <Anchor href={`/api/v1/channels/${channel.id}/schedule.ics`} download>
                {t('television.channelFeed', { channel: channel.name })}
              </Anchor>
              {user ? <PersonalFeed /> : <Text size="sm">{t('television.signInForFeed')}</Text>}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
