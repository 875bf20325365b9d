import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { AdminNav, usePlatformAdmin } from '../../admin/admin-shared';
import { ADMIN_ORG_NS, useOrgErrorMessage } from '../../admin/i18n';
import { LazyTree, type TreeItem, type TreeSource } from '../../admin/LazyTree';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';

/** Levels are data on the server; these are the ones the country has today. */
const LEVELS = ['province', 'district', 'commune'] as const;
type Level = (typeof LEVELS)[number];

function useAdminUnits(): TreeSource {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const levelName = (level: string) =>
    (LEVELS as readonly string[]).includes(level)
      ? t(`adminUnits.levels.${level as Level}`)
      : level;
  return {
    key: ['admin', 'admin-units'],
    load: async (parentId) => {
      const page = await unwrap(
        api.GET('/api/v1/admin-units', {
          params: { query: { parentId, pageSize: 100 } },
        }),
      );
      return {
        items: page.items.map((unit) => ({ ...unit, note: levelName(unit.level) })),
        total: page.total,
      };
    },
  };
}

export function Component() {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const platformAdmin = usePlatformAdmin();
  const source = useAdminUnits();
  const [adding, setAdding] = useState<{ parent: TreeItem | null } | null>(null);
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <AdminNav />
      <PageTitle>{t('adminUnits.title')}</PageTitle>
      <Text>{t('adminUnits.intro')}</Text>
      {platformAdmin ? (
        <Group>
          <Button variant="light" onClick={() => setAdding({ parent: null })}>
            {t('adminUnits.create')}
          </Button>
        </Group>
      ) : null}
      <LazyTree
        source={source}
        label={t('adminUnits.tree')}
        empty={t('adminUnits.empty')}
        actions={(unit) => (
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t('tree.addUnder', { name: unit.name })}
            onClick={() => setAdding({ parent: unit })}
          >
            {t('adminUnits.save')}
          </Button>
        )}
      />
      <Modal
        closeButtonProps={{ 'aria-label': t('tree.close') }}
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={
          adding?.parent ? t('tree.addUnder', { name: adding.parent.name }) : t('adminUnits.create')
        }
      >
        {adding ? (
          <AdminUnitForm
            parent={adding.parent}
            sourceKey={source.key}
            done={() => setAdding(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function AdminUnitForm(props: {
  parent: TreeItem | null;
  sourceKey: readonly unknown[];
  done: () => void;
}) {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const errorMessage = useOrgErrorMessage();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      code: '',
      name: '',
      level: (props.parent ? 'commune' : 'province') as Level,
    },
    validate: {
      code: (value) =>
        /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/.test(value.trim()) ? null : t('errors.codeHint'),
      name: (value) => (value.trim() ? null : t('adminUnits.name')),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/admin-units', {
          body: {
            code: values.code.trim(),
            name: values.name.trim(),
            level: values.level,
            parentId: props.parent?.id,
          },
        }),
      ),
    onSuccess: (unit) => {
      showToast({ color: 'teal', message: t('adminUnits.created', { name: unit.name }) });
      void queryClient.invalidateQueries({ queryKey: props.sourceKey });
      props.done();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm">
          {t('adminUnits.parent')}: {props.parent?.name ?? t('adminUnits.topLevel')}
        </Text>
        <TextInput
          label={t('adminUnits.code')}
          description={t('errors.codeHint')}
          maxLength={50}
          required
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('adminUnits.name')}
          maxLength={200}
          required
          {...form.getInputProps('name')}
        />
        <NativeSelect
          label={t('adminUnits.level')}
          data={LEVELS.map((level) => ({ value: level, label: t(`adminUnits.levels.${level}`) }))}
          {...form.getInputProps('level')}
        />
        {save.isError ? (
          <Text role="alert" c="red.9" size="sm">
            {errorMessage(save.error)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.done}>
            {t('adminUnits.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('adminUnits.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
