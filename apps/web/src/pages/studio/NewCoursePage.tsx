import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import '../../studio/i18n';
import { summaryProblem, titleProblem } from '../../studio/course-rules';
import { useStudioErrorMessage } from '../../studio/errors';
import { COURSE_LANGUAGES, studioKeys, useStudioFacilities } from '../../studio/queries';

export function Component() {
  const { t } = useTranslation('studio');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const facilities = useStudioFacilities();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { facilityId: '', title: '', summary: '', language: 'vi' },
    validate: {
      title: (value) => {
        const problem = titleProblem(value);
        return problem ? t(problem) : null;
      },
      summary: (value) => {
        const problem = summaryProblem(value);
        return problem ? t(problem) : null;
      },
    },
  });
  const list = facilities.data?.items ?? [];
  // One facility (the usual case) needs no choosing.
  const sole = list.length === 1 ? list[0]!.id : null;
  return (
    <Paper maw={640} mx="auto" p="lg" withBorder>
      <PageTitle>{t('create.title')}</PageTitle>
      <Text mb="md">{t('create.intro')}</Text>
      {facilities.isPending ? <PageLoader /> : null}
      {facilities.isError ? (
        <ApiErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : null}
      {facilities.data && list.length === 0 ? <Text>{t('courses.noFacility')}</Text> : null}
      {list.length > 0 ? (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            const facilityId = values.facilityId || sole;
            if (!facilityId) return form.setFieldError('facilityId', t('rules.facilityRequired'));
            try {
              const course = await unwrap(
                api.POST('/api/v1/courses', {
                  body: {
                    facilityId,
                    title: values.title.trim(),
                    summary: values.summary.trim(),
                    language: values.language,
                  },
                }),
              );
              // The editor opening on the new draft is the confirmation (no toast: a toast's
              // first, lazy render held this navigation's transition back).
              await queryClient.invalidateQueries({ queryKey: studioKeys.lists });
              await navigate(`/studio/courses/${course.id}`);
            } catch (caught) {
              const field = caught instanceof ApiError ? fieldOf(caught) : null;
              if (field) form.setFieldError(field, errorMessage(caught));
              else setError(caught);
            }
          })}
        >
          <Stack>
            {error ? (
              <Text c="red.9" role="alert">
                {errorMessage(error)}
              </Text>
            ) : null}
            {list.length > 1 ? (
              <NativeSelect
                label={t('create.facility')}
                required
                data={[
                  { value: '', label: '—' },
                  ...list.map((facility) => ({ value: facility.id, label: facility.name })),
                ]}
                {...form.getInputProps('facilityId')}
              />
            ) : (
              <Text>
                {t('create.facility')}: <strong>{list[0]?.name}</strong>
              </Text>
            )}
            <TextInput
              label={t('create.courseTitle')}
              required
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <Textarea
              label={t('create.summary')}
              description={t('create.summaryHint')}
              required
              autosize
              minRows={3}
              maxLength={1000}
              {...form.getInputProps('summary')}
            />
            <NativeSelect
              label={t('create.language')}
              data={COURSE_LANGUAGES.map((language) => ({
                value: language,
                label: t(`create.languages.${language}`),
              }))}
              {...form.getInputProps('language')}
            />
            <Group justify="space-between">
              <Anchor component={Link} to="/studio">
                {t('create.back')}
              </Anchor>
              <Button type="submit" loading={form.submitting}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}

/** The form field an api error names, when it names one of this form's. */
function fieldOf(error: ApiError): 'facilityId' | 'title' | 'summary' | null {
  if (error.code === 'FACILITY_NOT_FOUND') return 'facilityId';
  const fields = error.details?.fields as Record<string, unknown> | undefined;
  for (const name of ['facilityId', 'title', 'summary'] as const) if (fields?.[name]) return name;
  return null;
}
