import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { formatNumber } from '../format';
import { SeatsBadge } from './SeatsBadge';

export type Course = components['schemas']['CourseDto'];

/** A course in a list: its title links to its page; hours, seats and tags at a glance. */
export function CourseCard({ course, headingOrder = 2 }: { course: Course; headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="article" h="100%">
      <Stack gap="xs" h="100%">
        <Title order={headingOrder} size="h4">
          <Anchor component={Link} to={`/courses/${course.id}`} inherit>
            {course.title}
          </Anchor>
        </Title>
        <Text size="sm" lineClamp={3}>
          {course.summary}
        </Text>
        <Group gap={6} mt="auto">
          {course.hours !== null ? (
            <Badge variant="light" color="gray" tt="none">
              {t('catalogue.hours', { hours: formatNumber(course.hours) })}
            </Badge>
          ) : null}
          <SeatsBadge capacity={course.capacity} taken={course.activeEnrollments} />
          {course.tags.slice(0, 3).map((tag) => (
            <Badge key={tag} variant="outline" color="blue" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
