import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from './queries';

/** Filled badges in AA-contrast shades, like the studio's (light tints fail axe on white). */
const STATUS_COLOR: Record<ReportStatus | 'none', string> = {
  none: 'dark.4',
  draft: 'gray.7',
  submitted: 'violet.8',
  returned: 'orange.9',
  accepted: 'teal.9',
};

export function ReportStatusBadge({ status }: { status: ReportStatus | 'none' }) {
  const { t } = useTranslation('reports');
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
