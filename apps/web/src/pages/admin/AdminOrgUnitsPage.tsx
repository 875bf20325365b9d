import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { AdminNav, usePlatformAdmin } from '../../admin/admin-shared';
import { ADMIN_ORG_NS, useOrgErrorMessage } from '../../admin/i18n';
import { LazyTree, type TreeItem, type TreeSource } from '../../admin/LazyTree';
import { ScopePicker } from '../../admin/ScopePicker';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';

const ORG_UNITS: TreeSource = {
  key: ['admin', 'org-units'],
  load: async (parentId) => {
    const items = await unwrap(
      api.GET('/api/v1/org-units', { params: { query: parentId ? { parentId } : {} } }),
    );
    return { items, total: items.length };
  },
};

/** The levels an agency may carry (the API's list). */
const LEVELS = ['central', 'province', 'district', 'commune'] as const;
type Level = (typeof LEVELS)[number];

/** What the person is doing to the tree: adding under a unit (or a root), renaming, moving. */
type Editing =
  | { kind: 'create'; parent: TreeItem | null }
  | { kind: 'rename'; unit: TreeItem }
  | { kind: 'move'; unit: TreeItem };

export function Component() {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const platformAdmin = usePlatformAdmin();
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <AdminNav />
      <PageTitle>{t('orgUnits.title')}</PageTitle>
      <Text>{t('orgUnits.intro')}</Text>
      {platformAdmin ? (
        <Group>
          <Button variant="light" onClick={() => setEditing({ kind: 'create', parent: null })}>
            {t('orgUnits.addRoot')}
          </Button>
        </Group>
      ) : null}
      <LazyTree
        source={ORG_UNITS}
        label={t('orgUnits.tree')}
        empty={t('orgUnits.empty')}
        actions={(unit) => (
          <Group
            gap={4}
            wrap="wrap"
            justify="flex-end"
            role="group"
            aria-label={t('orgUnits.actionsFor', { name: unit.name })}
          >
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setEditing({ kind: 'create', parent: unit })}
            >
              {t('orgUnits.addChild')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setEditing({ kind: 'rename', unit })}
            >
              {t('orgUnits.rename')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setEditing({ kind: 'move', unit })}
            >
              {t('orgUnits.move')}
            </Button>
          </Group>
        )}
      />
      <Modal
        closeButtonProps={{ 'aria-label': t('tree.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? editTitle(t, editing) : ''}
      >
        {editing ? <EditForm editing={editing} done={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function editTitle(
  t: ReturnType<typeof useTranslation<typeof ADMIN_ORG_NS>>['t'],
  editing: Editing,
): string {
  if (editing.kind === 'create')
    return editing.parent
      ? t('orgUnits.createTitle', { name: editing.parent.name })
      : t('orgUnits.createRootTitle');
  return t(editing.kind === 'rename' ? 'orgUnits.renameTitle' : 'orgUnits.moveTitle', {
    name: editing.unit.name,
  });
}

function EditForm({ editing, done }: { editing: Editing; done: () => void }) {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const errorMessage = useOrgErrorMessage();
  const queryClient = useQueryClient();
  const unit = editing.kind === 'create' ? null : editing.unit;
  // Only a platform administrator may make a unit a root, as only they may add one.
  const platformAdmin = usePlatformAdmin();
  const form = useForm({
    initialValues: {
      code: '',
      name: unit?.name ?? '',
      parentId: '',
      toRoot: false,
      level: null as Level | null,
    },
    validate: {
      code: (value) =>
        editing.kind === 'create' && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/.test(value.trim())
          ? t('errors.codeHint')
          : null,
      name: (value) => (editing.kind !== 'move' && !value.trim() ? t('orgUnits.name') : null),
      parentId: (value, values) =>
        editing.kind === 'move' && !values.toRoot && !value ? t('picker.required') : null,
    },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) => {
      if (editing.kind === 'create')
        return unwrap(
          api.POST('/api/v1/org-units', {
            body: {
              code: values.code.trim(),
              name: values.name.trim(),
              parentId: editing.parent?.id,
              level: values.level ?? undefined,
            },
          }),
        );
      return unwrap(
        api.PATCH('/api/v1/org-units/{id}', {
          params: { path: { id: editing.unit.id } },
          body:
            editing.kind === 'rename'
              ? { name: values.name.trim() }
              : { parentId: values.toRoot ? null : values.parentId },
        }),
      );
    },
    onSuccess: (saved) => {
      const key =
        editing.kind === 'create'
          ? 'orgUnits.created'
          : editing.kind === 'rename'
            ? 'orgUnits.renamed'
            : 'orgUnits.moved';
      showToast({ color: 'teal', message: t(key, { name: saved.name }) });
      void queryClient.invalidateQueries({ queryKey: ORG_UNITS.key });
      done();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        {editing.kind === 'create' ? (
          <TextInput
            label={t('orgUnits.code')}
            description={t('errors.codeHint')}
            maxLength={50}
            required
            {...form.getInputProps('code')}
          />
        ) : null}
        {editing.kind !== 'move' ? (
          <TextInput
            label={editing.kind === 'rename' ? t('orgUnits.newName') : t('orgUnits.name')}
            maxLength={200}
            required
            {...form.getInputProps('name')}
          />
        ) : (
          <>
            {platformAdmin ? (
              <Checkbox
                label={t('orgUnits.toRoot')}
                {...form.getInputProps('toRoot', { type: 'checkbox' })}
              />
            ) : null}
            {form.values.toRoot ? null : (
              <ScopePicker
                scopeType="org_unit"
                label={t('orgUnits.newParent')}
                description={t('orgUnits.newParentHint')}
                exclude={editing.unit.id}
                value={form.values.parentId}
                error={form.errors.parentId as string | undefined}
                onChange={(id) => form.setFieldValue('parentId', id)}
              />
            )}
          </>
        )}
        {editing.kind === 'create' ? (
          <Select
            label={t('orgUnits.level')}
            description={t('orgUnits.levelHint')}
            clearable
            data={LEVELS.map((level) => ({ value: level, label: t(`orgUnits.levels.${level}`) }))}
            value={form.values.level}
            onChange={(value) => form.setFieldValue('level', value)}
          />
        ) : null}
        {save.isError ? (
          <Text role="alert" c="red.9" size="sm">
            {errorMessage(save.error)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={done}>
            {t('orgUnits.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('orgUnits.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
