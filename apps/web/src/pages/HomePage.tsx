import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { CourseCardSkeletons, CourseGrid } from '../catalogue/CourseCard';
import { cleanQuery, QUERY_MAX_LENGTH } from '../catalogue/catalogue-search';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { useSeenOnce } from '../components/use-seen-once';
import { dayKey, formatDay } from '../format';
import { Airing, type Broadcast } from '../television/Airing';
import { useBroadcastTitles } from '../television/broadcast-titles';

const FEATURED = 6;
/** The next few airings; the television page has the whole week. */
const AIRINGS = 6;

function FeaturedCourses() {
  const { t } = useTranslation();
  const courses = useQuery({
    queryKey: ['courses', { page: 1, pageSize: FEATURED }],
    queryFn: () =>
      unwrap(api.GET('/api/v1/courses', { params: { query: { page: 1, pageSize: FEATURED } } })),
  });
  // Drawn from deferred data: React renders the cards in slices (see CoursePage).
  const cards = useDeferredValue(courses.data?.items);
  return (
    <Stack component="section" aria-labelledby="featured-heading" gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="featured-heading">
          {t('home.featured')}
        </Title>
        <Anchor component={Link} to="/courses">
          {t('home.allCourses')}
        </Anchor>
      </Group>
      {courses.isError ? (
        <ApiErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />
      ) : !cards ? (
        <CourseCardSkeletons count={FEATURED} />
      ) : cards.length === 0 ? (
        <Text>{t('home.noCourses')}</Text>
      ) : (
        <CourseGrid courses={cards} headingOrder={3} />
      )}
    </Stack>
  );
}

/** Below the featured courses: fetched and drawn when the visitor scrolls towards it. */
function ThisWeekOnTelevision() {
  const { t } = useTranslation();
  const { ref, seen } = useSeenOnce();
  // Fixed for the life of the page, so the query key stays the same.
  const [range] = useState(() => {
    const from = new Date();
    return {
      from: from.toISOString(),
      to: new Date(from.getTime() + 7 * 24 * 3600_000).toISOString(),
    };
  });
  const broadcasts = useQuery({
    queryKey: ['broadcasts', 'next-week', range.from],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/broadcasts', {
          params: { query: { ...range, page: 1, pageSize: AIRINGS } },
        }),
      ),
    enabled: seen,
  });
  const channels = useQuery({
    queryKey: ['channels'],
    queryFn: () => unwrap(api.GET('/api/v1/channels', { params: { query: { pageSize: 100 } } })),
    staleTime: 10 * 60_000,
    enabled: seen,
  });
  const airings = (broadcasts.data?.items ?? []).filter((item) => item.status === 'scheduled');
  const titles = useBroadcastTitles(airings.map((item) => item.courseId));
  const channelName = new Map((channels.data?.items ?? []).map((item) => [item.id, item.name]));
  const byDay = new Map<string, Broadcast[]>();
  for (const item of airings) {
    const day = dayKey(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return (
    <Stack ref={ref} component="section" aria-labelledby="tv-heading" gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="tv-heading">
          {t('home.onTelevision')}
        </Title>
        <Anchor component={Link} to="/television">
          {t('home.fullSchedule')}
        </Anchor>
      </Group>
      {broadcasts.isPending ? (
        <PageLoader />
      ) : broadcasts.isError ? (
        <ApiErrorAlert error={broadcasts.error} onRetry={() => void broadcasts.refetch()} />
      ) : airings.length === 0 ? (
        <Alert color="blue">{t('home.noBroadcasts')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {[...byDay].map(([day, items]) => (
            <Paper key={day} withBorder p="sm">
              <Title order={3} size="h6" mb="xs">
                {formatDay(items[0]!.startsAt)}
              </Title>
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <li key={item.id}>
                    <Airing
                      broadcast={item}
                      titles={titles}
                      channelName={channelName.get(item.channelId)}
                    />
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {broadcasts.data && broadcasts.data.total > AIRINGS ? (
        <Text size="sm">
          <Anchor component={Link} to="/television">
            {t('home.moreBroadcasts')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  useEffect(() => {
    document.title = `${t('home.title')} · Lifelong`;
  }, [t]);
  return (
    <Stack gap="xl" maw={1200} mx="auto">
      <Stack gap="xs">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg">{t('home.intro')}</Text>
      </Stack>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const query = cleanQuery(q);
          void navigate(query ? `/courses?q=${encodeURIComponent(query)}` : '/courses');
        }}
      >
        <Group align="flex-end" wrap="nowrap" gap="sm">
          <TextInput
            label={t('home.searchLabel')}
            placeholder={t('home.searchPlaceholder')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            maxLength={QUERY_MAX_LENGTH}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{t('home.searchButton')}</Button>
        </Group>
      </form>
      <FeaturedCourses />
      <ThisWeekOnTelevision />
      <Group gap="md">
        <Button component={Link} to="/verify" variant="light">
          {t('home.verifyLink')}
        </Button>
        <Button component={Link} to="/figures" variant="light">
          {t('home.figuresLink')}
        </Button>
      </Group>
    </Stack>
  );
}
