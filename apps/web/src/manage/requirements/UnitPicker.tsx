import { NativeSelect } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { unitLevelQuery, useUnit, useUnitLevel } from './queries';

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
 * The units a manager may target, as a tree opened one level at a time: the tops are the units
 * of their grants (the roots for a platform administrator); choosing a unit lists the units
 * under it, indented, below it. Each level is one read of the tree, never a report. A native
 * select is what a phone and a screen reader handle best.
 */
export function UnitPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation('manageRequirements');
  const tops = useUnitLevel(null);
  // The units whose children are listed: every unit picked so far, and the current one.
  const [picked, setPicked] = useState<string[]>([]);
  const expanded = [...new Set([...picked, ...(value ? [value] : [])])];
  const pick = (id: string) => {
    if (id) setPicked((ids) => (ids.includes(id) ? ids : [...ids, id]));
    onChange(id);
  };
  const levels = useQueries({ queries: expanded.map(unitLevelQuery) });
  const childrenOf = new Map(expanded.map((id, index) => [id, levels[index]?.data ?? []]));
  const chosen = useUnit(value || null);

  const failed = [tops, ...levels].find((level) => level.isError);
  const nodes: Node[] = [];
  const walk = (id: string, name: string, depth: number) => {
    nodes.push({ id, name, depth });
    for (const child of childrenOf.get(id) ?? []) walk(child.id, child.name, depth + 1);
  };
  for (const top of tops.data ?? []) walk(top.id, top.name, 0);
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
          { value: '', label: tops.isPending ? t('form.unitLoading') : '—' },
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
