import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pages of a server-paged list; nothing when one page holds it all. */
export function ListPager(props: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(props.total / props.pageSize);
  if (pages <= 1) return null;
  return (
    <Center component="nav" aria-label={t('learning.pages')}>
      <Pagination
        value={props.page}
        total={pages}
        onChange={props.onChange}
        size="sm"
        siblings={0}
        getControlProps={(control) => ({
          'aria-label':
            control === 'previous' ? t('learning.previousPage') : t('learning.nextPage'),
        })}
        getItemProps={(page) => ({ 'aria-label': t('learning.pageN', { page }) })}
      />
    </Center>
  );
}
