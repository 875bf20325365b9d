import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { dayKey, formatDay } from '../format';
import { dayInstant } from './week';

interface Dated {
  id: string;
  startsAt: string;
}

/**
 * One channel's week as seven day boxes, each listing its airings in order; today is marked by a
 * strong border, not a tint, so links keep their contrast. The public schedule and the studio's
 * draw their airings their own way (`airing`).
 */
export function WeekGrid<T extends Dated>({
  days,
  airings,
  busy,
  labels,
  airing,
}: {
  days: string[];
  airings: readonly T[];
  busy: boolean;
  labels: { today: string; nothingThisDay: string };
  airing: (item: T) => ReactNode;
}) {
  const byDay = new Map<string, T[]>(days.map((day) => [day, []]));
  for (const item of airings) byDay.get(dayKey(item.startsAt))?.push(item);
  const today = dayKey(new Date());
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4, lg: 7 }} spacing="sm" aria-busy={busy}>
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        return (
          <Paper
            key={day}
            withBorder
            p="sm"
            component="section"
            aria-labelledby={`day-${day}`}
            style={
              day === today
                ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 }
                : undefined
            }
          >
            <Title order={3} size="h6" id={`day-${day}`} mb="xs">
              {formatDay(dayInstant(day))}
              {day === today ? ` · ${labels.today}` : ''}
            </Title>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {labels.nothingThisDay}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <li key={item.id}>{airing(item)}</li>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
