import { Badge, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { EnrollPanel } from '../catalogue/EnrollPanel';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableBadge } from '../components/readable-badge';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatDuration, formatNumber } from '../format';
import { Component as NotFound } from './NotFoundPage';

type Lesson = components['schemas']['LessonDto'];

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: ['course', id],
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

function LessonLength({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  if (!lesson.durationSeconds) return null;
  const { hours, minutes } = formatDuration(lesson.durationSeconds);
  return (
    <Text span size="sm" c="dimmed">
      {hours > 0
        ? t('course.durationHours', { hours, minutes })
        : t('course.durationMinutes', { minutes })}
    </Text>
  );
}

export function Component() {
  const { t } = useTranslation();
  const { id } = useParams();
  const course = useCourse(id);
  // Drawn from the data in a deferred render, which React slices so a slow phone stays
  // responsive, instead of in the one blocking task a query's answer would otherwise cause.
  const data = useDeferredValue(course.data);

  if (course.isError) {
    if (course.error instanceof ApiError && course.error.status === 404) return <NotFound />;
    return <ApiErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  }
  if (!data) return <PageLoader />;
  const lessons = data.sections.reduce((sum, section) => sum + section.lessons.length, 0);

  return (
    <Stack maw={1100} mx="auto" gap="md">
      <PageTitle>{data.title}</PageTitle>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Text size="lg">{data.summary}</Text>
            <Group gap={6}>
              {data.hours !== null ? (
                <Badge variant="light" color="gray" tt="none">
                  {t('catalogue.hours', { hours: formatNumber(data.hours) })}
                </Badge>
              ) : null}
              {data.tags.map((tag) => (
                <Badge key={tag} variant="outline" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
            {data.facility ? (
              <Text size="sm">
                {t('course.givenBy')}{' '}
                <Text span fw={600} inherit>
                  {data.facility.name}
                </Text>
                {data.facility.place ? ` · ${data.facility.place}` : ''}
                {' · '}
                {t(`facilityType.${data.facility.type}`)}
              </Text>
            ) : null}
            {data.description ? (
              // Plain text from the server; React escapes it, line breaks are kept.
              <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>
            ) : null}

            <Title order={2} size="h3">
              {t('course.outline')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('course.outlineCount', {
                sections: formatNumber(data.sections.length),
                lessons: formatNumber(lessons),
              })}
            </Text>
            {data.sections.map((section) => (
              <Paper key={section.id} withBorder p="sm">
                <Title order={3} size="h5" mb="xs">
                  {section.title}
                </Title>
                <List spacing={6} listStyleType="none" withPadding={false}>
                  {section.lessons.map((lesson) => (
                    <List.Item key={lesson.id}>
                      <Group gap="xs" wrap="wrap">
                        <Badge size="sm" {...readableBadge(KIND_COLORS[lesson.kind])}>
                          {t(`lessonKind.${lesson.kind}`)}
                        </Badge>
                        <Text span size="sm">
                          {lesson.title}
                        </Text>
                        <LessonLength lesson={lesson} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </Paper>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <EnrollPanel course={data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const KIND_COLORS: Record<Lesson['kind'], string> = {
  video: 'blue',
  television: 'grape',
  reading: 'teal',
  quiz: 'orange',
  cmi5: 'indigo',
};
