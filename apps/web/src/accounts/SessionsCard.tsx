import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { showToast } from '../components/toasts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableBadge } from '../components/readable-badge';
import { PageLoader } from '../components/PageLoader';
import { formatDateTime } from '../format';
import { deviceName } from './device-name';

export const sessionKeys = { all: ['me', 'sessions'] as const };

/** The person's live sign-ins, the current one marked, each other one can be ended. */
export function SessionsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: sessionKeys.all,
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/sessions', { params: { query: { page: 1, pageSize: 100 } } })),
  });
  const end = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      showToast({ color: 'green', message: t('accounts.sessionEnded') });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h3">
          {t('accounts.sessionsTitle')}
        </Title>
        <Text size="sm">{t('accounts.sessionsHint')}</Text>
        {end.error ? <ApiErrorAlert error={end.error} /> : null}
        {sessions.isPending ? (
          <PageLoader />
        ) : sessions.error ? (
          <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {sessions.data.items.map((session) => {
                const device = deviceName(session.userAgent) ?? t('accounts.unknownDevice');
                return (
                  <Card component="li" key={session.id} withBorder padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Text fw={600}>{device}</Text>
                          {session.current ? (
                            <Badge {...readableBadge('teal')}>{t('accounts.thisDevice')}</Badge>
                          ) : null}
                        </Group>
                        <Text size="sm">
                          {t('accounts.lastUsedAt', { time: formatDateTime(session.lastUsedAt) })}
                        </Text>
                        <Text size="sm">
                          {t('accounts.signedInAt', { time: formatDateTime(session.createdAt) })}
                        </Text>
                      </Stack>
                      {session.current ? null : (
                        <Button
                          variant="default"
                          aria-label={t('accounts.endSessionOf', { device })}
                          loading={end.isPending && end.variables === session.id}
                          onClick={() => end.mutate(session.id)}
                        >
                          {t('accounts.endSession')}
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
            {sessions.data.items.length <= 1 ? (
              <Text size="sm">{t('accounts.sessionsEmpty')}</Text>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
