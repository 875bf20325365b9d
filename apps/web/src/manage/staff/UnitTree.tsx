import { Group, Text, Tree, useTree } from '@mantine/core';
import { type KeyboardEvent, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGE_STAFF_NS } from './i18n';
import type { OrgUnitNode } from './queries';
import { toTreeData } from './unit-tree';

/**
 * The units a manager sees, as a collapsible tree (Mantine's Tree: role tree/treeitem, arrow keys).
 * Choosing a unit (click, or Enter on the focused unit) filters the staff to its subtree.
 */
export function UnitTree({
  units,
  selectedId,
  onSelect,
}: {
  units: readonly OrgUnitNode[];
  selectedId: string;
  onSelect: (unitId: string) => void;
}) {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const data = useMemo(
    () =>
      toTreeData(units, (unit) =>
        t('staff.unitCount', { name: unit.name, count: unit.staffCount }),
      ),
    [units, t],
  );
  // The address holds the choice; the tree only shows it. The roots open, deeper levels on
  // demand, so a ministry's 2,000 units stay readable.
  const tree = useTree({
    initialExpandedState: Object.fromEntries(data.map((root) => [root.value, true])),
    initialSelectedState: [selectedId],
  });
  const { selectedState, setSelectedState } = tree;
  useEffect(() => {
    if (selectedState[0] !== selectedId) setSelectedState([selectedId]);
  }, [selectedId, selectedState, setSelectedState]);
  const choose = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'Enter') return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    const value = item?.dataset.value;
    if (!value) return;
    event.preventDefault();
    onSelect(value);
  };
  return (
    <div>
      <Text id="unit-tree-label" fw={600}>
        {t('staff.tree')}
      </Text>
      <Text id="unit-tree-hint" size="xs" c="dimmed" mb="xs">
        {t('staff.treeHint')}
      </Text>
      <Tree
        data={data}
        tree={tree}
        selectOnClick
        aria-labelledby="unit-tree-label"
        aria-describedby="unit-tree-hint"
        onKeyDown={choose}
        levelOffset="md"
        renderNode={({ node, expanded, hasChildren, elementProps, selected }) => (
          <Group
            gap={6}
            wrap="nowrap"
            {...elementProps}
            onClick={(event) => {
              elementProps.onClick(event);
              onSelect(node.value);
            }}
          >
            <Text component="span" aria-hidden w="1em" size="sm" style={{ flexShrink: 0 }}>
              {hasChildren ? (expanded ? '▾' : '▸') : ''}
            </Text>
            <Text component="span" size="sm" fw={selected ? 700 : 400}>
              {node.label}
            </Text>
          </Group>
        )}
      />
    </div>
  );
}
