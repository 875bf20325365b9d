import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useInspectionErrorMessage } from '../../inspections/errors';
import { useAreaFacilities, usePlanInspection } from '../../inspections/queries';
import { ManageNav } from '../../manage/ManageNav';

interface Row {
  key: number;
  label: string;
  weight: number | string;
}

const isWeight = (value: number | string) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100;

/**
 * Plans an inspection of a facility in the supervisor's area (`/manage/inspections/new`): the
 * day, the team, and a checklist of weighted criteria, prefilled with the standard one.
 */
export function Component() {
  const { t } = useTranslation('inspections');
  const { user } = useSession();
  const navigate = useNavigate();
  const errorMessage = useInspectionErrorMessage();
  const area = user?.roles.find(
    (grant) =>
      (grant.role === 'supervisor' || grant.role === 'admin') && grant.scopeType === 'admin_unit',
  )?.scopeId;
  const facilities = useAreaFacilities(area ?? undefined, true);
  const plan = usePlanInspection();
  const [targetId, setTargetId] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [team, setTeam] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { key: 1, label: t('plan.defaults.plan'), weight: 3 },
    { key: 2, label: t('plan.defaults.records'), weight: 2 },
    { key: 3, label: t('plan.defaults.premises'), weight: 1 },
  ]);
  const [checked, setChecked] = useState(false);
  const names = team
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  const problems = {
    target: targetId === '' ? t('plan.required') : null,
    plannedOn: plannedOn === '' ? t('plan.required') : null,
    team: names.length === 0 ? t('plan.teamNeeded') : null,
  };
  const rowProblem = (row: Row) => ({
    label: row.label.trim() === '' ? t('plan.required') : null,
    weight: isWeight(row.weight) ? null : t('plan.weightRange'),
  });
  const valid =
    Object.values(problems).every((problem) => problem === null) &&
    rows.length > 0 &&
    rows.every((row) => !rowProblem(row).label && !rowProblem(row).weight);
  const change = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!valid) return;
    plan.mutate(
      {
        targetType: 'facility',
        targetId,
        plannedOn,
        team: names,
        criteria: rows.map((row) => ({ label: row.label.trim(), weight: Number(row.weight) })),
      },
      { onSuccess: (inspection) => void navigate(`/manage/inspections/${inspection.id}`) },
    );
  };
  const show = (problem: string | null) => (checked ? problem : null);
  return (
    <Stack maw={760} mx="auto" gap="md">
      <ManageNav />
      <Anchor component={Link} to="/manage/inspections" size="sm">
        {t('plan.cancel')}
      </Anchor>
      <PageTitle>{t('plan.title')}</PageTitle>
      {facilities.isError ? (
        <ApiErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <NativeSelect
            label={t('plan.target')}
            required
            value={targetId}
            error={show(problems.target)}
            onChange={(event) => setTargetId(event.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(facilities.data?.items ?? []).map((facility) => ({
                value: facility.id,
                label: facility.name,
              })),
            ]}
          />
          {facilities.data && facilities.data.items.length === 0 ? (
            <Text size="sm">{t('plan.noTargets')}</Text>
          ) : null}
          <TextInput
            type="date"
            label={t('plan.plannedOn')}
            required
            maw={220}
            value={plannedOn}
            error={show(problems.plannedOn)}
            onChange={(event) => setPlannedOn(event.currentTarget.value)}
          />
          <Textarea
            label={t('plan.team')}
            required
            autosize
            minRows={2}
            value={team}
            error={show(problems.team)}
            onChange={(event) => setTeam(event.currentTarget.value)}
          />
          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600}>
              {t('plan.criteria')}
            </Text>
            <Text size="sm">{t('plan.criteriaHelp')}</Text>
            {rows.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={t('plan.criterion', { n: index + 1 })}
                  style={{ flex: '1 1 260px' }}
                  value={row.label}
                  error={show(rowProblem(row).label)}
                  onChange={(event) => change(row.key, { label: event.currentTarget.value })}
                />
                <NumberInput
                  label={t('plan.criterionWeight', { n: index + 1 })}
                  w={150}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  value={row.weight}
                  error={show(rowProblem(row).weight)}
                  onChange={(value) => change(row.key, { weight: value })}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  mt={26}
                  aria-label={t('plan.removeCriterion', { n: index + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  setRows((current) => [
                    ...current,
                    { key: Math.max(0, ...current.map((r) => r.key)) + 1, label: '', weight: 1 },
                  ])
                }
              >
                {t('plan.addCriterion')}
              </Button>
            </Group>
          </Stack>
          {plan.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(plan.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={plan.isPending}>
              {t('plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
