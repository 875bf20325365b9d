import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readableBadge } from '../components/readable-badge';
import { formatNumber } from '../format';

/** Seats left, or that a new enrollment goes on the waitlist; nothing for an unlimited course. */
export function SeatsBadge({ capacity, taken }: { capacity: number | null; taken: number }) {
  const { t } = useTranslation();
  if (capacity === null) return null;
  const left = capacity - taken;
  return left > 0 ? (
    <Badge {...readableBadge('green')}>
      {t('catalogue.seatsLeft', { seats: formatNumber(left) })}
    </Badge>
  ) : (
    <Badge {...readableBadge('orange')}>{t('catalogue.waitlist')}</Badge>
  );
}
