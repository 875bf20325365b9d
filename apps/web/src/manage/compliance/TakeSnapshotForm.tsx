import { Alert, Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/ApiErrorAlert';
import { currentQuarter, PERIOD_PATTERN } from './figures';
import { useTakeSnapshot } from './queries';

/** Freezes the unit's figures for a period; a period frozen before is explained, not just refused. */
export function TakeSnapshotForm({ orgUnitId }: { orgUnitId: string }) {
  const { t } = useTranslation('manage');
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState(currentQuarter);
  const [invalid, setInvalid] = useState(false);
  const take = useTakeSnapshot(orgUnitId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = period.trim().toUpperCase();
    if (!PERIOD_PATTERN.test(typed)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    take.mutate(typed);
  };
  const error = take.error;
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('compliance.snapshots.period')}
          description={t('compliance.snapshots.periodHint')}
          value={period}
          maxLength={7}
          onChange={(event) => setPeriod(event.currentTarget.value)}
          error={invalid ? t('compliance.snapshots.periodInvalid') : undefined}
          style={{ flex: '0 1 14rem' }}
        />
        <Button type="submit" loading={take.isPending} mt={{ base: 0, xs: 46 }}>
          {t('compliance.snapshots.take')}
        </Button>
      </Group>
      <div aria-live="polite">
        {take.isSuccess ? (
          <Alert color="green" mt="sm">
            {t('compliance.snapshots.taken', { period: take.data.period })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" mt="sm">
            {error instanceof ApiError && error.code === 'SNAPSHOT_EXISTS'
              ? t('compliance.snapshots.exists', { period: take.variables })
              : errorMessage(error)}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
