import { Alert, Button, Group, Pagination, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableAlert } from '../components/readable-badge';
import { formatNumber } from '../format';
import { apiQuery, type CatalogueSearch, PAGE_SIZE } from './catalogue-search';
import { CourseCardSkeletons, CourseGrid } from './CourseCard';

/** Changes the search; `replace` rewrites the current history entry instead of adding one. */
export type OnSearch = (change: Partial<CatalogueSearch>, options?: { replace?: boolean }) => void;

/**
 * The courses a search finds, a page at a time, with what to do when it finds none. Memoised and
 * holding its own query: its answers redraw this section only, never the filters above it.
 */
export const CatalogueResults = memo(function CatalogueResults({
  search,
  onSearch,
  onClear,
}: {
  search: CatalogueSearch;
  onSearch: OnSearch;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['courses', apiQuery(search)],
    queryFn: () => unwrap(api.GET('/api/v1/courses', { params: { query: apiQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  // A query's answer is drawn in a blocking render (its store update cannot be a transition):
  // that render only keeps what is shown, and the answer is drawn from these deferred copies,
  // which React renders in slices a tap can interrupt.
  const shown = useDeferredValue(results.data);
  const shownSearch = useDeferredValue(search);
  const pages = results.data ? Math.ceil(results.data.total / PAGE_SIZE) : 0;
  // A page past the end (an old link, fewer courses since): go to the last one.
  const pastTheEnd = results.isSuccess && pages > 0 && search.page > pages;
  useEffect(() => {
    if (pastTheEnd) onSearch({ page: pages }, { replace: true });
  });

  return (
    <section aria-label={t('catalogue.results')} aria-busy={results.isFetching}>
      {results.isError ? (
        <ResultsError
          error={results.error}
          onRetry={() => void results.refetch()}
          onClear={onClear}
        />
      ) : shown === undefined ? (
        <CourseCardSkeletons count={3} />
      ) : (
        <ResultsPage found={shown} search={shownSearch} onSearch={onSearch} onClear={onClear} />
      )}
    </section>
  );
});

type Found = components['schemas']['CoursePageDto'];

/** One page of what a search found, or that it found nothing. */
const ResultsPage = memo(function ResultsPage({
  found,
  search,
  onSearch,
  onClear,
}: {
  found: Found;
  search: CatalogueSearch;
  onSearch: OnSearch;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const filtered = Boolean(search.q || search.province || search.facilityType || search.tag);
  const pages = Math.ceil(found.total / PAGE_SIZE);
  if (found.total === 0)
    return (
      <Alert color="blue" title={t('catalogue.emptyTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{filtered ? t('catalogue.emptyFiltered') : t('catalogue.empty')}</Text>
          {filtered ? (
            <Button size="xs" variant="light" onClick={onClear}>
              {t('catalogue.clearFilters')}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" role="status">
        {/* A broad search is counted a few pages ahead only: "120+" (more pages as one goes). */}
        {t(found.totalCapped ? 'catalogue.foundMore' : 'catalogue.found', {
          total: formatNumber(found.total),
        })}
        {search.q && !/[\p{L}\p{N}]/u.test(search.q) ? ` ${t('catalogue.nothingToSearch')}` : ''}
      </Text>
      <CourseGrid courses={found.items} />
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(search.page, pages)}
            onChange={(page) => {
              onSearch({ page });
              window.scrollTo({ top: 0 });
            }}
            siblings={0}
            getItemProps={(page) => ({
              'aria-label': t('catalogue.pageN', { page }),
            })}
            getControlProps={(control) => ({
              'aria-label': t(`catalogue.pageControl.${control}`),
            })}
            aria-label={t('catalogue.pagination')}
          />
        </Group>
      ) : null}
    </Stack>
  );
});

/** A search the api refused (a filter from an old link) or could not answer. */
function ResultsError({
  error,
  onRetry,
  onClear,
}: {
  error: Error;
  onRetry: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED')
    return (
      <Alert {...readableAlert('orange')} role="alert" title={t('catalogue.badSearchTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('catalogue.badSearch')}</Text>
          <Button size="xs" variant="light" onClick={onClear}>
            {t('catalogue.clearFilters')}
          </Button>
        </Stack>
      </Alert>
    );
  return <ApiErrorAlert error={error} onRetry={onRetry} />;
}
