import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { formatNumber } from '../format';
import { SeatsBadge } from './SeatsBadge';

/** How course cards are laid out in every list: one column on a phone, three on a desktop. */
export const COURSE_GRID = { cols: { base: 1, sm: 2, lg: 3 }, spacing: 'md' } as const;

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

/**
 * A list of courses as cards. Memoised: a page re-rendered for something else (a filter's options,
 * the session) does not draw its cards again on a slow phone.
 */
export const CourseGrid = memo(function CourseGrid({
  courses,
  headingOrder,
}: {
  courses: readonly Course[];
  headingOrder?: 2 | 3;
}) {
  return (
    <SimpleGrid {...COURSE_GRID}>
      {courses.map((course) => (
        <CourseCard key={course.id} course={course} headingOrder={headingOrder} />
      ))}
    </SimpleGrid>
  );
});

/**
 * What a list of courses looks like while it loads: cards of a typical card's height in the same
 * grid, so what sits below the list does not jump when the courses arrive (layout shift).
 */
export function CourseCardSkeletons({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid {...COURSE_GRID} role="status" aria-label={t('app.loading')}>
      {Array.from({ length: count }, (_, index) => (
        <Card key={index} withBorder padding="md" h={167}>
          <Stack gap="xs" h="100%">
            <Skeleton height={22} width="70%" />
            <Skeleton height={12} />
            <Skeleton height={12} width="85%" />
            <Group gap={6} mt="auto">
              <Skeleton height={20} width={60} radius="xl" />
              <Skeleton height={20} width={80} radius="xl" />
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
