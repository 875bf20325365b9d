import { ActionIcon, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ADMIN_ORG_NS } from './i18n';

export interface TreeItem {
  id: string;
  code: string;
  name: string;
  /** A short note after the name (a level, a type). */
  note?: string;
}

export interface TreeSource {
  /** The query key's head; invalidate it to reload every level. */
  key: readonly unknown[];
  /** One level: the children of `parentId`, or the top level without it. */
  load: (parentId?: string) => Promise<{ items: TreeItem[]; total: number }>;
}

/**
 * A tree that loads a level when it is opened (a province's communes only when asked for), as
 * nested lists with disclosure buttons: each level is a list a screen reader counts.
 */
export function LazyTree(props: {
  source: TreeSource;
  label: string;
  empty: string;
  actions?: (item: TreeItem) => ReactNode;
}) {
  return (
    <nav aria-label={props.label}>
      <Level {...props} />
    </nav>
  );
}

function Level(props: {
  source: TreeSource;
  empty: string;
  parentId?: string;
  actions?: (item: TreeItem) => ReactNode;
}) {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const level = useQuery({
    queryKey: [...props.source.key, 'level', props.parentId ?? null],
    queryFn: () => props.source.load(props.parentId),
  });
  if (level.isPending)
    return (
      <Group gap="xs" pl="md">
        <Loader size="xs" />
        <Text size="sm">{t('tree.loading')}</Text>
      </Group>
    );
  if (level.isError)
    return <ApiErrorAlert error={level.error} onRetry={() => void level.refetch()} />;
  if (level.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed" pl={props.parentId ? 'xl' : 0}>
        {props.parentId ? t('tree.noChildren') : props.empty}
      </Text>
    );
  return (
    <Stack
      component="ul"
      gap={2}
      m={0}
      pl={props.parentId ? 'lg' : 0}
      style={{ listStyle: 'none' }}
    >
      {level.data.items.map((item) => (
        <Node key={item.id} {...props} item={item} />
      ))}
      {level.data.total > level.data.items.length ? (
        <Text component="li" size="sm" c="dimmed">
          … {level.data.items.length} / {level.data.total}
        </Text>
      ) : null}
    </Stack>
  );
}

function Node(props: {
  item: TreeItem;
  source: TreeSource;
  empty: string;
  actions?: (item: TreeItem) => ReactNode;
}) {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const [open, setOpen] = useState(false);
  const { item } = props;
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="center" py={2}>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="md"
          aria-expanded={open}
          aria-label={t(open ? 'tree.collapse' : 'tree.expand', { name: item.name })}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span>
        </ActionIcon>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', flex: '1 1 auto' }}>
          <span>{item.name}</span>{' '}
          <Text span size="xs" c="dark.4">
            {item.code}
            {item.note ? ` · ${item.note}` : ''}
          </Text>
        </Text>
        {props.actions?.(item)}
      </Group>
      {open ? <Level {...props} parentId={item.id} /> : null}
    </li>
  );
}
