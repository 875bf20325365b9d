import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { type ComplianceRow, hasStaff, percentOneDecimal } from './figures';

/** The unit's headline figures; a unit nobody is assigned in says so instead of 0 %. */
export function UnitFigures({ unit }: { unit: ComplianceRow }) {
  const { t } = useTranslation('manage');
  const staffed = hasStaff(unit);
  const figures = [
    { label: t('compliance.figures.assigned'), value: formatNumber(unit.assigned) },
    { label: t('compliance.figures.completed'), value: formatNumber(unit.completed) },
    { label: t('compliance.figures.inProgress'), value: formatNumber(unit.inProgress) },
    { label: t('compliance.figures.overdue'), value: formatNumber(unit.overdue) },
    {
      label: t('compliance.figures.compliant'),
      value: staffed ? percentOneDecimal(unit.compliantPercent) : t('compliance.figures.noStaff'),
    },
  ];
  return (
    <Stack gap="xs">
      <Text component="h2" fw={600} size="lg">
        {t('compliance.figures.title')}
      </Text>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
        {figures.map((figure) => (
          <Paper key={figure.label} withBorder p="sm" radius="md">
            <Text component="dt" size="sm" c="dimmed">
              {figure.label}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {figure.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {staffed ? null : <Text size="sm">{t('compliance.figures.noStaffHint')}</Text>}
    </Stack>
  );
}
