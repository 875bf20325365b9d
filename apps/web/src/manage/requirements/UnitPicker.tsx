import { NativeSelect, TextInput } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { requirementKeys, useManagedRoots, useUnit } from './queries';

interface Props {
  value: string;
  onChange: (orgUnitId: string) => void;
  error?: string;
}

interface Node {
  id: string;
  name: string;
  depth: number;
}

/**
 * The units a manager may target, as a tree opened one level at a time: the roots are the units
 * of their grants; choosing a unit lists the units under it, indented, below it. A native select
 * is what a phone and a screen reader handle best. Someone whose grant covers the whole platform
 * has no root to start from (and no route lists every unit): they type the unit's id.
 */
export function UnitPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation('manageRequirements');
  const { roots, everywhere } = useManagedRoots();
  // The units whose children are listed: the roots, every unit picked so far, the current one.
  const [picked, setPicked] = useState<string[]>([]);
  const expanded = [...new Set([...roots, ...picked, ...(value ? [value] : [])])];
  const pick = (id: string) => {
    if (id) setPicked((ids) => (ids.includes(id) ? ids : [...ids, id]));
    onChange(id);
  };
  const units = useQueries({
    queries: expanded.map((id) => ({
      queryKey: requirementKeys.unit(id),
      queryFn: () =>
        unwrap(api.GET('/api/v1/training/compliance', { params: { query: { orgUnitId: id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const loaded = new Map(
    units.flatMap((unit) => (unit.data ? [[unit.data.orgUnitId, unit.data]] : [])),
  );
  const chosen = useUnit(value || null);

  if (roots.length === 0 && everywhere)
    return (
      <TextInput
        label={t('form.unitIdLabel')}
        description={chosen.data ? chosen.data.name : t('form.unitIdHint')}
        value={value}
        error={error}
        required
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );

  const failed = units.find((unit) => unit.isError);
  const nodes: Node[] = [];
  const walk = (id: string, name: string, depth: number) => {
    nodes.push({ id, name, depth });
    const unit = loaded.get(id);
    if (unit && expanded.includes(id))
      for (const child of unit.children) walk(child.orgUnitId, child.name, depth + 1);
  };
  for (const root of roots) walk(root, loaded.get(root)?.name ?? t('form.unitLoading'), 0);
  // A unit deeper than the opened tree (a saved requirement's): shown on its own.
  if (value && !nodes.some((node) => node.id === value))
    nodes.unshift({ id: value, name: chosen.data?.name ?? t('form.unitLoading'), depth: 0 });

  return (
    <div>
      <NativeSelect
        label={t('form.unit')}
        description={t('form.unitHint')}
        value={value}
        error={error}
        required
        onChange={(event) => pick(event.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...nodes.map((node) => ({
            value: node.id,
            // Non-breaking spaces: an option's indentation is its depth in the tree.
            label: `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.name}`,
          })),
        ]}
      />
      {failed ? <ApiErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
    </div>
  );
}
