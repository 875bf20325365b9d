import type { TreeNodeData } from '@mantine/core';
import type { OrgUnitNode } from './queries';

/** The flat list (parents first) as nested tree data; a unit whose parent is not listed is a root. */
export function toTreeData(
  units: readonly OrgUnitNode[],
  label: (unit: OrgUnitNode) => string,
): TreeNodeData[] {
  const byId = new Map<string, TreeNodeData>();
  const roots: TreeNodeData[] = [];
  for (const unit of units) {
    const node: TreeNodeData = { value: unit.id, label: label(unit) };
    byId.set(unit.id, node);
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
