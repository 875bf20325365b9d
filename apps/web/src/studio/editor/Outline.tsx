import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { useStudioErrorMessage } from '../errors';
import { moveLesson } from '../lesson-order';
import { type CourseDetail, studioKeys } from '../queries';

type Section = CourseDetail['sections'][number];
type SectionLesson = Section['lessons'][number];
type LessonKind = SectionLesson['kind'];
const LESSON_KINDS: LessonKind[] = ['reading', 'quiz', 'video', 'television'];

function Arrow({ up }: { up: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      aria-hidden="true"
    >
      <path d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M19 12l-7 7-7-7'} />
    </svg>
  );
}

/** Six dots: the place to take hold of a lesson with the mouse or a finger. */
function Grip() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      {[5, 12, 19].flatMap((y) =>
        [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1.8} />),
      )}
    </svg>
  );
}

/**
 * One lesson of the outline. With the mouse or a finger it is dragged by its grip (only the grip:
 * the rest of the row still scrolls the page on a phone); with the keyboard its arrows move it.
 * The grip is left out of the keyboard's way and of screen readers, which have the arrows.
 */
function SortableLesson({
  lesson,
  index,
  count,
  editable,
  selected,
  onSelect,
  onMove,
  arrowRef,
}: {
  lesson: SectionLesson;
  index: number;
  count: number;
  editable: boolean;
  selected: boolean;
  onSelect: () => void;
  onMove: (up: boolean) => void;
  arrowRef: (which: 'up' | 'down', node: HTMLButtonElement | null) => void;
}) {
  const { t } = useTranslation('studio');
  const { t: tApp } = useTranslation();
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } =
    useSortable({ id: lesson.id, disabled: !editable });
  return (
    <Group
      component="li"
      ref={setNodeRef}
      gap="xs"
      wrap="nowrap"
      p={6}
      bg={isDragging ? 'gray.1' : selected ? 'blue.0' : undefined}
      style={{
        borderRadius: 4,
        transform: CSS.Translate.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      {editable ? (
        <span
          ref={setActivatorNodeRef}
          {...listeners}
          aria-hidden="true"
          title={t('outline.dragHint', { title: lesson.title })}
          style={{
            display: 'flex',
            // A bigger place to press than the dots themselves, for a finger.
            padding: 4,
            margin: -4,
            cursor: isDragging ? 'grabbing' : 'grab',
            touchAction: 'none',
            color: 'var(--mantine-color-gray-7)',
          }}
        >
          <Grip />
        </span>
      ) : null}
      <Text size="sm" w={24} ta="right" aria-hidden="true">
        {index + 1}.
      </Text>
      <UnstyledButton
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        style={{ flex: 1, minWidth: 0 }}
      >
        <Text size="sm" fw={500} c="blue.9" td="underline" style={{ overflowWrap: 'anywhere' }}>
          {lesson.title}
        </Text>
      </UnstyledButton>
      <Badge variant="outline" color="dark" tt="none" visibleFrom="xs">
        {tApp(`lessonKind.${lesson.kind}`)}
      </Badge>
      {!lesson.required ? (
        <Badge variant="outline" color="gray.7" tt="none" visibleFrom="sm">
          {t('lesson.optional')}
        </Badge>
      ) : null}
      {editable ? (
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            ref={(node) => arrowRef('up', node)}
            variant="subtle"
            aria-label={t('outline.moveUp', { title: lesson.title })}
            disabled={index === 0}
            onClick={() => onMove(true)}
          >
            <Arrow up />
          </ActionIcon>
          <ActionIcon
            ref={(node) => arrowRef('down', node)}
            variant="subtle"
            aria-label={t('outline.moveDown', { title: lesson.title })}
            disabled={index === count - 1}
            onClick={() => onMove(false)}
          >
            <Arrow up={false} />
          </ActionIcon>
        </Group>
      ) : null}
    </Group>
  );
}

/** A title typed on one line, added with Enter or the button. */
function AddForm({
  label,
  button,
  onAdd,
  children,
}: {
  label: string;
  button: string;
  onAdd: (title: string) => Promise<unknown>;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('studio');
  const errorMessage = useStudioErrorMessage();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setProblem(t('rules.lessonTitleRequired'));
    setBusy(true);
    try {
      await onAdd(trimmed);
      setTitle('');
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={label}
          value={title}
          maxLength={200}
          error={problem}
          onChange={(event) => setTitle(event.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        {children}
        <Button type="submit" variant="light" loading={busy} mt={25}>
          {button}
        </Button>
      </Group>
    </form>
  );
}

function SectionCard({
  courseId,
  section,
  editable,
  selected,
  onSelect,
}: {
  courseId: string;
  section: Section;
  editable: boolean;
  selected: string | null;
  onSelect: (lessonId: string) => void;
}) {
  const { t } = useTranslation('studio');
  const { t: tApp } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const [kind, setKind] = useState<LessonKind>('reading');
  const [announcement, setAnnouncement] = useState('');
  const [moved, setMoved] = useState<{ id: string; up: boolean } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const key = studioKeys.course(courseId);

  const reorder = useMutation({
    mutationFn: (lessonIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/sections/{id}/lesson-order', {
          params: { path: { id: section.id } },
          body: { lessonIds },
        }),
      ),
    onMutate: async (lessonIds) => {
      // The new order shows at once; the server's answer confirms or corrects it.
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<CourseDetail>(key, (course) =>
        course ? withOrder(course, section.id, lessonIds) : course,
      );
    },
    onError: (error) => {
      // Someone (another tab) added or removed a lesson meanwhile: show the section as it is now.
      setAnnouncement(
        error instanceof ApiError && error.code === 'VALIDATION_FAILED'
          ? t('outline.orderChanged')
          : errorMessage(error),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  // Keep the keyboard on the arrow just pressed, wherever its lesson now is.
  // At the top (or bottom) that arrow is disabled: the other one takes the focus.
  useEffect(() => {
    if (!moved) return;
    const same = buttons.current.get(`${moved.id}:${moved.up ? 'up' : 'down'}`);
    const other = buttons.current.get(`${moved.id}:${moved.up ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [moved, section.lessons]);

  /** Sends the section's new order, saying where the lesson now is. One change at a time. */
  const reorderTo = (order: string[], lesson: SectionLesson) => {
    setAnnouncement(
      t('outline.movedTo', {
        title: lesson.title,
        position: order.indexOf(lesson.id) + 1,
        count: order.length,
      }),
    );
    reorder.mutate(order);
  };

  const move = (index: number, up: boolean) => {
    // One move at a time; the arrows stay enabled so the keyboard's focus stays on them.
    if (reorder.isPending) return;
    const ids = section.lessons.map((lesson) => lesson.id);
    const lesson = section.lessons[index]!;
    setMoved({ id: lesson.id, up });
    reorderTo(moveLesson(ids, index, up ? -1 : 1), lesson);
  };

  // A few pixels of movement before a drag starts: a plain click on the grip does nothing.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const drop = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id || reorder.isPending) return;
    const ids = section.lessons.map((lesson) => lesson.id);
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    reorderTo(arrayMove(ids, from, to), section.lessons[from]!);
  };

  const addLesson = async (title: string) => {
    const lesson = await unwrap(
      api.POST('/api/v1/sections/{id}/lessons', {
        params: { path: { id: section.id } },
        body: { title, kind },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: key });
    onSelect(lesson.id);
  };

  const titleId = `section-${section.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {section.title}
        </Title>
        {section.lessons.length === 0 ? <Text size="sm">{t('outline.noLessons')}</Text> : null}
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={drop}
          accessibility={{
            // Only the mouse and fingers drag (the keyboard has the arrows): the outcome is said
            // once, in the section's own status line.
            announcements: {
              onDragStart: () => undefined,
              onDragOver: () => undefined,
              onDragEnd: () => undefined,
              onDragCancel: () => undefined,
            },
            screenReaderInstructions: { draggable: t('outline.dragInstructions') },
          }}
        >
          <SortableContext
            items={section.lessons.map((lesson) => lesson.id)}
            strategy={verticalListSortingStrategy}
          >
            <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {section.lessons.map((lesson, index) => (
                <SortableLesson
                  key={lesson.id}
                  lesson={lesson}
                  index={index}
                  count={section.lessons.length}
                  editable={editable}
                  selected={lesson.id === selected}
                  onSelect={() => onSelect(lesson.id)}
                  onMove={(up) => move(index, up)}
                  arrowRef={(which, node) => {
                    if (node) buttons.current.set(`${lesson.id}:${which}`, node);
                  }}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
        <Text size="sm" role="status" aria-live="polite">
          {announcement}
        </Text>
        {editable ? (
          <AddForm
            label={t('outline.newLesson', { section: section.title })}
            button={t('outline.addLesson')}
            onAdd={addLesson}
          >
            <NativeSelect
              label={t('outline.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as LessonKind)}
              data={LESSON_KINDS.map((value) => ({ value, label: tApp(`lessonKind.${value}`) }))}
            />
          </AddForm>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The course with one section's lessons in a new order. */
function withOrder(course: CourseDetail, sectionId: string, lessonIds: string[]): CourseDetail {
  return {
    ...course,
    sections: course.sections.map((section) => {
      if (section.id !== sectionId) return section;
      const byId = new Map(section.lessons.map((lesson) => [lesson.id, lesson]));
      const lessons = lessonIds.flatMap((id) => byId.get(id) ?? []);
      return {
        ...section,
        lessons: lessons.map((lesson, index) => ({ ...lesson, position: index + 1 })),
      };
    }),
  };
}

/**
 * Sections and their lessons in order. A lesson is dragged to its place by its grip, or moved up
 * or down with its arrow buttons (the keyboard reaches them; the focus stays on the arrow). Either
 * way the new place is announced.
 */
export function Outline({
  course,
  editable,
  selected,
  onSelect,
}: {
  course: CourseDetail;
  editable: boolean;
  selected: string | null;
  onSelect: (lessonId: string) => void;
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const addSection = async (title: string) => {
    await unwrap(
      api.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: course.id } },
        body: { title },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: studioKeys.course(course.id) });
  };
  return (
    <Stack gap="md">
      {course.sections.length === 0 ? <Text>{t('outline.noSections')}</Text> : null}
      {course.sections.map((section) => (
        <SectionCard
          key={section.id}
          courseId={course.id}
          section={section}
          editable={editable}
          selected={selected}
          onSelect={onSelect}
        />
      ))}
      {editable ? (
        <AddForm
          label={t('outline.newSection')}
          button={t('outline.addSection')}
          onAdd={addSection}
        />
      ) : null}
    </Stack>
  );
}
