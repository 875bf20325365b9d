import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { showToast } from '../components/toasts';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime } from '../format';
import { ListPager } from '../learner/ListPager';
import { learnerKeys, type Notification, PAGE_SIZE } from '../learner/queries';

function NotificationItem({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: item.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learnerKeys.notifications }),
  });
  const titleId = `notification-${item.id}`;
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={titleId}
      padding="md"
      bg={item.readAt ? undefined : 'blue.0'}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text
            id={titleId}
            component="h2"
            fw={item.readAt ? 500 : 700}
            style={{ overflowWrap: 'anywhere' }}
          >
            {item.title}
          </Text>
          {item.readAt ? null : (
            <Badge color="blue" variant="filled" size="sm">
              {t('notifications.new')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          {item.body}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="xs">{formatDateTime(item.createdAt)}</Text>
          {item.readAt ? null : (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => read.mutate()}
              loading={read.isPending}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
        {read.isError ? <ApiErrorAlert error={read.error} onRetry={() => read.mutate()} /> : null}
      </Stack>
    </Card>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: learnerKeys.preferences,
    queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')),
  });
  const [email, setEmail] = useState(true);
  const [digest, setDigest] = useState<'off' | 'daily'>('off');
  // The form starts from the saved preferences once they arrive (adjusted while rendering).
  const [shown, setShown] = useState(current.data);
  if (current.data && shown !== current.data) {
    setShown(current.data);
    setEmail(current.data.email);
    setDigest(current.data.digest);
  }
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { email, digest } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(learnerKeys.preferences, saved);
      showToast({ color: 'green', message: t('notifications.saved') });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="preferences-title" padding="md">
      <Title order={2} size="h4" id="preferences-title" mb="sm">
        {t('notifications.preferences')}
      </Title>
      {current.isPending ? <PageLoader /> : null}
      {current.isError ? (
        <ApiErrorAlert error={current.error} onRetry={() => void current.refetch()} />
      ) : null}
      {current.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <Switch
              checked={email}
              onChange={(event) => setEmail(event.currentTarget.checked)}
              label={t('notifications.email')}
              description={t('notifications.emailHint')}
            />
            <NativeSelect
              label={t('notifications.digest')}
              description={t('notifications.digestHint')}
              value={digest}
              disabled={!email}
              onChange={(event) =>
                setDigest(event.currentTarget.value === 'daily' ? 'daily' : 'off')
              }
              data={[
                { value: 'off', label: t('notifications.digestOff') },
                { value: 'daily', label: t('notifications.digestDaily') },
              ]}
              maw={360}
            />
            {save.isError ? (
              <ApiErrorAlert error={save.error} onRetry={() => save.mutate()} />
            ) : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('notifications.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const inbox = useQuery({
    queryKey: [...learnerKeys.notifications, filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/notifications', {
          params: {
            query: { page, pageSize: PAGE_SIZE, ...(filter === 'unread' ? { unread: true } : {}) },
          },
        }),
      ),
  });
  return (
    <Stack maw={860} mx="auto" gap="md">
      <PageTitle>{t('notifications.title')}</PageTitle>
      <SegmentedControl
        value={filter}
        onChange={(value) => {
          setFilter(value === 'unread' ? 'unread' : 'all');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: t('notifications.unreadOnly') },
        ]}
        aria-label={t('notifications.filter')}
        style={{ alignSelf: 'flex-start' }}
      />
      {inbox.isPending ? <PageLoader /> : null}
      {inbox.isError ? (
        <ApiErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : null}
      {inbox.data?.total === 0 ? (
        <Text>
          {filter === 'unread' ? t('notifications.noneUnread') : t('notifications.empty')}
        </Text>
      ) : null}
      {inbox.data?.items.map((item) => (
        <NotificationItem key={item.id} item={item} />
      ))}
      {inbox.data ? (
        <ListPager page={page} total={inbox.data.total} pageSize={PAGE_SIZE} onChange={setPage} />
      ) : null}
      <Preferences />
    </Stack>
  );
}
