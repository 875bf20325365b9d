import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { CourseCardSkeletons, CourseGrid } from '../catalogue/CourseCard';
import {
  apiQuery,
  type CatalogueSearch,
  cleanQuery,
  FACILITY_TYPES,
  PAGE_SIZE,
  QUERY_MAX_LENGTH,
  readSearch,
  searchParams,
} from '../catalogue/catalogue-search';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableAlert } from '../components/readable-badge';
import { PageTitle } from '../components/PageTitle';
import { formatNumber } from '../format';

const NONE: never[] = [];

function useFilterOptions() {
  const provinces = useQuery({
    queryKey: ['admin-units', 'provinces'],
    queryFn: () => unwrap(api.GET('/api/v1/admin-units', { params: { query: { pageSize: 100 } } })),
    staleTime: 60 * 60_000,
  });
  const tags = useQuery({
    queryKey: ['course-tags'],
    queryFn: () => unwrap(api.GET('/api/v1/course-tags', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
  // Deferred: their arrival redraws the filters in a slice, not the page in one blocking task.
  return {
    provinces: useDeferredValue(provinces.data?.items) ?? NONE,
    tags: useDeferredValue(tags.data?.items) ?? NONE,
  };
}

export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [typed, setTyped] = useState(search.q);
  // The back button changes the URL: the box follows it (adjusted while rendering, no effect).
  const [shownQ, setShownQ] = useState(search.q);
  if (shownQ !== search.q) {
    setShownQ(search.q);
    setTyped(search.q);
  }
  const { provinces, tags } = useFilterOptions();

  const results = useQuery({
    queryKey: ['courses', apiQuery(search)],
    queryFn: () => unwrap(api.GET('/api/v1/courses', { params: { query: apiQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  // The cards are drawn from deferred data: React renders them in slices (see CoursePage).
  const cards = useDeferredValue(results.data?.items);

  const go = (change: Partial<CatalogueSearch>) =>
    setParams(searchParams({ ...search, page: 1, ...change }));
  const filtered = Boolean(search.q || search.province || search.facilityType || search.tag);
  const pages = results.data ? Math.ceil(results.data.total / PAGE_SIZE) : 0;
  // A page past the end (an old link, fewer courses since): go to the last one.
  const pastTheEnd = results.isSuccess && pages > 0 && search.page > pages;
  useEffect(() => {
    if (pastTheEnd) setParams(searchParams({ ...search, page: pages }), { replace: true });
  });

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <form
        role="search"
        aria-label={t('catalogue.searchRegion')}
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: cleanQuery(typed) });
        }}
      >
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('home.searchLabel')}
              placeholder={t('home.searchPlaceholder')}
              value={typed}
              maxLength={QUERY_MAX_LENGTH}
              onChange={(event) => setTyped(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('home.searchButton')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('catalogue.province')}
              value={search.province}
              onChange={(event) => go({ province: event.currentTarget.value })}
              data={[
                { value: '', label: t('catalogue.anyProvince') },
                ...provinces.map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
            <NativeSelect
              label={t('catalogue.facilityType')}
              value={search.facilityType}
              onChange={(event) => go({ facilityType: event.currentTarget.value })}
              data={[
                { value: '', label: t('catalogue.anyFacilityType') },
                ...FACILITY_TYPES.map((type) => ({
                  value: type,
                  label: t(`facilityType.${type}`),
                })),
              ]}
            />
            <NativeSelect
              label={t('catalogue.tag')}
              value={search.tag}
              onChange={(event) => go({ tag: event.currentTarget.value })}
              data={[
                { value: '', label: t('catalogue.anyTag') },
                // A tag from a link that is not in the list still shows as chosen.
                ...(search.tag && !tags.some((tag) => tag.tag === search.tag)
                  ? [{ value: search.tag, label: search.tag }]
                  : []),
                ...tags.map((tag) => ({
                  value: tag.tag,
                  label: `${tag.tag} (${formatNumber(tag.courses)})`,
                })),
              ]}
            />
          </SimpleGrid>
        </Stack>
      </form>

      <section aria-label={t('catalogue.results')} aria-busy={results.isFetching}>
        {results.isPending ? (
          <CourseCardSkeletons count={3} />
        ) : results.isError ? (
          results.error instanceof ApiError && results.error.code === 'VALIDATION_FAILED' ? (
            <Alert {...readableAlert('orange')} role="alert" title={t('catalogue.badSearchTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('catalogue.badSearch')}</Text>
                <Button size="xs" variant="light" onClick={() => setParams(new URLSearchParams())}>
                  {t('catalogue.clearFilters')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
          )
        ) : results.data.total === 0 ? (
          <Alert color="blue" title={t('catalogue.emptyTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {filtered ? t('catalogue.emptyFiltered') : t('catalogue.empty')}
              </Text>
              {filtered ? (
                <Button size="xs" variant="light" onClick={() => setParams(new URLSearchParams())}>
                  {t('catalogue.clearFilters')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed" role="status">
              {t('catalogue.found', { total: formatNumber(results.data.total) })}
              {search.q && !/[\p{L}\p{N}]/u.test(search.q)
                ? ` ${t('catalogue.nothingToSearch')}`
                : ''}
            </Text>
            {cards ? <CourseGrid courses={cards} /> : <CourseCardSkeletons count={3} />}
            {pages > 1 ? (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={Math.min(search.page, pages)}
                  onChange={(page) => {
                    setParams(searchParams({ ...search, page }));
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
        )}
      </section>
    </Stack>
  );
}
