import { Stack } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CatalogueFilters } from '../catalogue/CatalogueFilters';
import { CatalogueResults, type OnSearch } from '../catalogue/CatalogueResults';
import { readSearch, searchParams } from '../catalogue/catalogue-search';
import { PageTitle } from '../components/PageTitle';

/**
 * The catalogue: the search lives in the URL (a link, a reload and the back button keep it); the
 * filters and the results are drawn apart, so what arrives for one does not redraw the other.
 */
export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readSearch(params), [params]);
  const go = useCallback<OnSearch>(
    (change, options) => setParams(searchParams({ ...search, page: 1, ...change }), options),
    [search, setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <CatalogueFilters search={search} onSearch={go} />
      <CatalogueResults search={search} onSearch={go} onClear={clear} />
    </Stack>
  );
}
