import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourseTitle, usePublishedCourses } from './queries';

interface Props {
  value: string;
  onChange: (courseId: string) => void;
  error?: string;
}

/**
 * A published course, found by typing part of its title: the catalogue searches on the server
 * (with or without diacritics), so the list is never the whole catalogue.
 */
export function CoursePicker({ value, onChange, error }: Props) {
  const { t } = useTranslation('manageRequirements');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const current = useCourseTitle(value || null);
  // The chosen course's title is what the box shows; searching for it finds it again.
  const courses = usePublishedCourses(q === current.data ? '' : q.trim());
  const options = (courses.data?.items ?? []).map((course) => ({
    value: course.id,
    label: course.title,
  }));
  if (value && current.data && !options.some((option) => option.value === value))
    options.unshift({ value, label: current.data });
  return (
    <Select
      label={t('form.course')}
      description={t('form.courseHint')}
      searchable
      required
      value={value || null}
      error={error}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(courseId) => onChange(courseId ?? '')}
      data={options}
      // The server has already filtered by what was typed.
      filter={({ options: all }) => all}
      nothingFoundMessage={t('form.courseNothing')}
    />
  );
}
