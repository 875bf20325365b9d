import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatNumber } from '../format';
import {
  type CatalogueSearch,
  cleanQuery,
  FACILITY_TYPES,
  QUERY_MAX_LENGTH,
} from './catalogue-search';

const NONE: never[] = [];

type Search = (change: Partial<CatalogueSearch>) => void;

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
  // Deferred: their arrival is drawn in slices a tap can interrupt (see CatalogueResults).
  return {
    provinces: useDeferredValue(provinces.data?.items) ?? NONE,
    tags: useDeferredValue(tags.data?.items) ?? NONE,
  };
}

/**
 * The catalogue's search box and filters. Memoised and holding its own option lists: the
 * results arriving do not redraw a few hundred options, and the options arriving do not redraw
 * the results (on a slow phone, each was a task long enough to block a tap).
 */
export const CatalogueFilters = memo(function CatalogueFilters({
  search,
  onSearch,
}: {
  search: CatalogueSearch;
  onSearch: Search;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(search.q);
  // The back button changes the URL: the box follows it (adjusted while rendering, no effect).
  const [shownQ, setShownQ] = useState(search.q);
  if (shownQ !== search.q) {
    setShownQ(search.q);
    setTyped(search.q);
  }
  return (
    <form
      role="search"
      aria-label={t('catalogue.searchRegion')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch({ q: cleanQuery(typed) });
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
        <FilterSelects search={search} onSearch={onSearch} />
      </Stack>
    </form>
  );
});

/** The filters, fed with their options once these arrive. */
function FilterSelects({ search, onSearch }: { search: CatalogueSearch; onSearch: Search }) {
  const { provinces, tags } = useFilterOptions();
  return <FilterOptions search={search} onSearch={onSearch} provinces={provinces} tags={tags} />;
}

/** Memoised: the blocking render in which the options arrive passes the old ones and stops here. */
const FilterOptions = memo(function FilterOptions({
  search,
  onSearch,
  provinces,
  tags,
}: {
  search: CatalogueSearch;
  onSearch: Search;
  provinces: readonly { id: string; name: string }[];
  tags: readonly { tag: string; courses: number }[];
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <NativeSelect
        label={t('catalogue.province')}
        value={search.province}
        onChange={(event) => onSearch({ province: event.currentTarget.value })}
        data={[
          { value: '', label: t('catalogue.anyProvince') },
          ...provinces.map((unit) => ({ value: unit.id, label: unit.name })),
        ]}
      />
      <NativeSelect
        label={t('catalogue.facilityType')}
        value={search.facilityType}
        onChange={(event) => onSearch({ facilityType: event.currentTarget.value })}
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
        onChange={(event) => onSearch({ tag: event.currentTarget.value })}
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
  );
});
