import { Checkbox, Group, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../format';
import { dayInstant } from '../../television/week';
import {
  MAX_AIRINGS,
  type RecurrenceDraft,
  type RecurrenceProblem,
  seriesDays,
  type Weekday,
  WEEKDAYS,
  weekdayOf,
} from './recurrence';

/** Days listed in full before "… and N more". */
const SHOWN_DAYS = 12;

/**
 * How a broadcast repeats, in words a person chooses (never an RRULE): daily, or weekly on some
 * days; ending after a number of airings or on a date. Lists the days it will make.
 */
export function RecurrenceBuilder({
  draft,
  firstDay,
  problem,
  onChange,
}: {
  draft: RecurrenceDraft;
  firstDay: string;
  problem: RecurrenceProblem | null;
  onChange: (draft: RecurrenceDraft) => void;
}) {
  const { t } = useTranslation('studioTv');
  const set = (change: Partial<RecurrenceDraft>) => onChange({ ...draft, ...change });
  const days = problem ? [] : seriesDays(draft, firstDay);
  const firstWeekday = weekdayOf(firstDay);
  const message = problem
    ? t(`repeat.problems.${problem}`, {
        weekday: firstWeekday === null ? '' : t(`repeat.weekday.d${firstWeekday}`),
      })
    : null;
  const weekdaysError = problem === 'noWeekday' || problem === 'firstDayNotChosen';
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('repeat.frequency')}
        value={draft.frequency}
        onChange={(value) => {
          const frequency = value;
          // Weekly starts from the first airing's own day, the one a person expects ticked.
          const weekdays =
            frequency === 'weekly' && draft.weekdays.length === 0 && firstWeekday !== null
              ? [firstWeekday]
              : draft.weekdays;
          set({ frequency, weekdays });
        }}
      >
        <Stack gap={6} mt={4}>
          <Radio value="none" label={t('repeat.none')} />
          <Radio value="daily" label={t('repeat.daily')} />
          <Radio value="weekly" label={t('repeat.weekly')} />
        </Stack>
      </Radio.Group>
      {draft.frequency === 'weekly' ? (
        <Checkbox.Group
          label={t('repeat.weekdays')}
          value={draft.weekdays.map(String)}
          onChange={(values) => set({ weekdays: values.map(Number) as Weekday[] })}
          error={weekdaysError ? message : undefined}
        >
          <Group gap="md" mt={4}>
            {WEEKDAYS.map((day) => (
              <Checkbox key={day} value={String(day)} label={t(`repeat.weekday.d${day}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : null}
      {draft.frequency !== 'none' ? (
        <>
          <Radio.Group
            label={t('repeat.end')}
            value={draft.end}
            onChange={(value) => set({ end: value })}
          >
            <Group gap="md" mt={4}>
              <Radio value="count" label={t('repeat.afterCount')} />
              <Radio value="until" label={t('repeat.onDate')} />
            </Group>
          </Radio.Group>
          {draft.end === 'count' ? (
            <NumberInput
              label={t('repeat.count')}
              value={draft.count}
              min={2}
              max={MAX_AIRINGS}
              allowDecimal={false}
              onChange={(value) =>
                set({ count: typeof value === 'number' ? value : Number(value) })
              }
              error={problem === 'countRange' || problem === 'tooMany' ? message : undefined}
              maw={200}
            />
          ) : (
            <TextInput
              type="date"
              label={t('repeat.until')}
              value={draft.until}
              onChange={(event) => set({ until: event.currentTarget.value })}
              error={
                problem &&
                ['noUntil', 'untilBeforeFirst', 'untilTooFar', 'tooMany'].includes(problem)
                  ? message
                  : undefined
              }
              maw={220}
            />
          )}
          {days.length > 0 ? (
            <Stack gap={4} aria-live="polite">
              <Text size="sm" fw={600} id="series-preview">
                {t('repeat.preview', { count: days.length })}
              </Text>
              <Text
                component="ul"
                size="sm"
                aria-labelledby="series-preview"
                style={{ margin: 0, paddingInlineStart: '1.25rem' }}
              >
                {days.slice(0, SHOWN_DAYS).map((day) => (
                  <li key={day}>{formatDay(dayInstant(day))}</li>
                ))}
                {days.length > SHOWN_DAYS ? (
                  <li>{t('repeat.more', { count: days.length - SHOWN_DAYS })}</li>
                ) : null}
              </Text>
            </Stack>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
