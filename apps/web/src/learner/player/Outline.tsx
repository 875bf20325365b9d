import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseDetail, LessonProgress } from '../queries';

/** The course's sections and lessons, each with the learner's status; the current one marked. */
export function Outline(props: {
  course: CourseDetail;
  enrollmentId: string;
  progress: Map<string, LessonProgress>;
  currentLessonId: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" aria-label={t('player.outline')} gap="sm">
      {props.course.sections.map((section) => (
        <div key={section.id}>
          <Text component="h3" fw={700} size="sm" mb={4} style={{ overflowWrap: 'anywhere' }}>
            {section.title}
          </Text>
          {section.lessons.map((lesson) => {
            const status = props.progress.get(lesson.id)?.status ?? 'not_started';
            return (
              <NavLink
                key={lesson.id}
                component={Link}
                to={`/learning/${props.enrollmentId}/lessons/${lesson.id}`}
                active={lesson.id === props.currentLessonId}
                color="dark"
                fw={lesson.id === props.currentLessonId ? 700 : undefined}
                aria-current={lesson.id === props.currentLessonId ? 'page' : undefined}
                label={lesson.title}
                description={`${t(`player.kind.${lesson.kind}`)} · ${t(`player.lessonStatus.${status}`)}`}
              />
            );
          })}
        </div>
      ))}
    </Stack>
  );
}
