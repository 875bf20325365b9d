import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from './queries';

/** Filled badges in AA-contrast shades (light tints fail axe on white). */
const STATUS_COLOR: Record<CourseStatus, string> = {
  draft: 'gray.7',
  in_review: 'violet.8',
  published: 'teal.9',
  archived: 'dark.4',
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation('studio');
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
