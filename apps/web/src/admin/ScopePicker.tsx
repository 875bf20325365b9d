import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { ADMIN_ORG_NS } from './i18n';

export type ScopeKind = components['schemas']['ScopeMatchDto']['scopeType'];

interface Option {
  value: string;
  label: string;
}

/**
 * Picks a facility, org unit or administrative unit by typing part of its name or code, among
 * the places inside the caller's own grants (the api decides which; it checks the grant again).
 */
export function ScopePicker(props: {
  scopeType: ScopeKind;
  value: string;
  onChange: (scopeId: string) => void;
  label?: string;
  description?: string;
  error?: string;
  /** Places not to offer (a unit cannot be moved under itself). */
  exclude?: string;
}) {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<Option | null>(null);
  const matches = useQuery({
    queryKey: ['admin', 'scopes', props.scopeType, typed],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scopes', {
          params: { query: { scopeType: props.scopeType, q: typed } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const found: Option[] = (matches.data ?? [])
    .filter((match) => match.scopeId !== props.exclude)
    .map((match) => ({ value: match.scopeId, label: `${match.name} · ${match.code}` }));
  // The chosen place stays an option while the list shows another search.
  const data =
    chosen && chosen.value === props.value && !found.some((o) => o.value === chosen.value)
      ? [chosen, ...found]
      : found;
  return (
    <Select
      searchable
      clearable
      label={props.label ?? t('picker.label')}
      description={props.description ?? t('picker.hint')}
      error={props.error}
      data={data}
      value={props.value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={matches.isFetching ? t('tree.loading') : t('picker.nothing')}
      onChange={(value, option) => {
        setChosen(value ? option : null);
        props.onChange(value ?? '');
      }}
      style={{ flex: '1 1 18rem' }}
    />
  );
}
