import {
  Anchor,
  Button,
  FileButton,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useStudioErrorMessage } from '../errors';
import { useUnsavedChanges } from '../unsaved';
import {
  type CertificateTemplate,
  DEFAULT_TEXTS,
  insertAt,
  LOGO_MAX_BYTES,
  LOGO_TYPES,
  type PlaceholderInfo,
  TEMPLATE_FIELDS,
  type TemplateField,
  type TemplateTexts,
  textProblem,
} from './template-rules';
import { templateKeys } from './template-queries';

/** The logo as the person left it: the saved one kept, a new file, or removed. */
type LogoChoice =
  | { kind: 'keep' }
  | { kind: 'new'; base64: string; name: string; stamp: number }
  | { kind: 'remove' };

/** `logoBase64` as the api reads it: absent keeps the saved logo, null removes it. */
const logoField = (logo: LogoChoice): { logoBase64?: string | null } =>
  logo.kind === 'new'
    ? { logoBase64: logo.base64 }
    : logo.kind === 'remove'
      ? { logoBase64: null }
      : {};

const FIELD_LABELS = {
  title: 'templates.fieldTitle',
  body: 'templates.fieldBody',
  signerTitle: 'templates.fieldSignerTitle',
  signerName: 'templates.fieldSignerName',
} as const satisfies Record<TemplateField, string>;

/** Reads a file as base64 (what the api takes), without the data URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/**
 * A facility's certificate template: its texts with placeholders picked from the api's list and
 * put at the cursor, its logo, and beside them the api's trial print of what is typed (refreshed
 * 600 ms after the last change), shown as the PDF learners will get.
 */
export function TemplateEditor({
  facilityId,
  template,
  placeholders,
}: {
  facilityId: string;
  template: CertificateTemplate | null;
  placeholders: PlaceholderInfo[];
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const known = placeholders.map((item) => item.name);
  const problemText = (field: TemplateField, value: string): string | null => {
    const problem = textProblem(field, value, known);
    if (!problem) return null;
    if (problem.kind === 'required') return t('templates.required');
    if (problem.kind === 'tooLong') return t('templates.tooLong', { max: problem.max });
    return t('templates.unknownPlaceholder', {
      names: problem.names.map((name) => `{{${name}}}`).join(', '),
    });
  };
  const form = useForm<TemplateTexts>({
    initialValues: template
      ? {
          title: template.title,
          body: template.body,
          signerTitle: template.signerTitle,
          signerName: template.signerName,
        }
      : DEFAULT_TEXTS,
    validateInputOnChange: true,
    validate: Object.fromEntries(
      TEMPLATE_FIELDS.map((field) => [field, (value: string) => problemText(field, value)]),
    ),
  });
  const [logo, setLogo] = useState<LogoChoice>({ kind: 'keep' });
  const [logoError, setLogoError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  useUnsavedChanges('certificate-template', form.isDirty() || logo.kind !== 'keep');

  // The field a picked placeholder goes into: the one last focused (the body at first).
  const [target, setTarget] = useState<TemplateField>('body');
  const inputs = useRef<Partial<Record<TemplateField, HTMLInputElement | HTMLTextAreaElement>>>({});
  const insert = (name: string) => {
    const element = inputs.current[target];
    const value = form.getValues()[target];
    // An input keeps its selection when the button takes the focus.
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const next = insertAt(value, `{{${name}}}`, start, end);
    form.setFieldValue(target, next.value);
    setSaved(false);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  // The trial print follows the texts and logo, 600 ms after the last change.
  // (Compared as text: a new object each render would restart the wait for ever.)
  const wanted = JSON.stringify({
    texts: form.getValues(),
    logo: logo.kind === 'new' ? `new-${logo.stamp}` : logo.kind,
  });
  const [askedText] = useDebouncedValue(wanted, 600);
  const asked = useMemo(
    () => JSON.parse(askedText) as { texts: TemplateTexts; logo: string },
    [askedText],
  );
  const printable = TEMPLATE_FIELDS.every((field) => !problemText(field, asked.texts[field]));
  const preview = useQuery({
    queryKey: templateKeys.preview(facilityId, asked),
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/certificate-templates/preview', {
          body: { facilityId, ...asked.texts, ...logoField(logo) },
          parseAs: 'blob',
        }),
      ).catch((error: unknown) => {
        showOnFields(error);
        throw error;
      }),
    enabled: printable,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  // A blob URL per print, let go once the next one shows (or the page closes).
  const pdfUrl = useMemo(
    () =>
      preview.data
        ? URL.createObjectURL(new Blob([preview.data], { type: 'application/pdf' }))
        : null,
    [preview.data],
  );
  useEffect(
    () => () => {
      if (pdfUrl) URL.revokeObjectURL(pdfUrl);
    },
    [pdfUrl],
  );

  /** Puts an api refusal next to the field (or the logo) it names; true when it did. */
  const showOnFields = (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    if (error.code === 'LOGO_INVALID') {
      setLogoError(errorMessage(error));
      return true;
    }
    const named = (error.details?.fields ?? {}) as Record<string, unknown>;
    const fields = TEMPLATE_FIELDS.filter((field) => field in named);
    for (const field of fields) {
      const names = named[field];
      form.setFieldError(
        field,
        error.code === 'TEMPLATE_PLACEHOLDER_UNKNOWN' && Array.isArray(names)
          ? t('templates.unknownPlaceholder', {
              names: names.map((name) => `{{${String(name)}}}`).join(', '),
            })
          : errorMessage(error),
      );
    }
    return fields.length > 0;
  };
  const previewRefused =
    preview.isError && preview.error instanceof ApiError && preview.error.status === 422;

  const save = useMutation({
    mutationFn: (texts: TemplateTexts) => {
      const body = { ...texts, ...logoField(logo) };
      return unwrap(
        template
          ? api.PUT('/api/v1/certificate-templates/{id}', {
              params: { path: { id: template.id } },
              body,
            })
          : api.POST('/api/v1/certificate-templates', { body: { facilityId, ...body } }),
      );
    },
    onSuccess: async (savedTemplate, texts) => {
      form.resetDirty(texts);
      setLogo({ kind: 'keep' });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: templateKeys.list(facilityId) });
      queryClient.setQueryData(templateKeys.list(facilityId), (list?: CertificateTemplate[]) => [
        ...(list ?? []).filter((item) => item.id !== savedTemplate.id),
        savedTemplate,
      ]);
    },
    onError: (error) => {
      if (!showOnFields(error)) setSaveError(error);
    },
  });

  const pickLogo = async (file: File | null) => {
    setLogoError(null);
    setSaved(false);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(t('templates.logoType'));
    if (file.size > LOGO_MAX_BYTES) return setLogoError(t('templates.logoTooBig'));
    setLogo({ kind: 'new', base64: await readBase64(file), name: file.name, stamp: Date.now() });
  };
  const hasLogo = logo.kind === 'new' || (logo.kind === 'keep' && template?.logoType != null);
  const logoState =
    logo.kind === 'new'
      ? t('templates.logoNew', { name: logo.name })
      : logo.kind === 'remove'
        ? t('templates.logoRemoved')
        : template?.logoType
          ? t('templates.logoSaved')
          : t('templates.logoNone');

  const field = (name: TemplateField) => ({
    ...form.getInputProps(name),
    key: form.key(name),
    label: t(FIELD_LABELS[name]),
    ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (element) inputs.current[name] = element;
    },
    onFocus: () => setTarget(name),
    onInput: () => setSaved(false),
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <form
          noValidate
          aria-label={t('templates.title')}
          onSubmit={form.onSubmit((texts) => {
            setSaveError(null);
            setSaved(false);
            save.mutate(texts);
          })}
        >
          <Stack gap="sm">
            {template ? null : <Text size="sm">{t('templates.isNew')}</Text>}
            <TextInput {...field('title')} />
            <Textarea
              {...field('body')}
              description={t('templates.bodyHint')}
              autosize
              minRows={3}
              maxRows={8}
            />
            <TextInput {...field('signerTitle')} />
            <TextInput {...field('signerName')} />
            <Stack gap={4} role="group" aria-labelledby="template-placeholders">
              <Text id="template-placeholders" fw={600} size="sm">
                {t('templates.placeholders')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('templates.placeholdersHint', { field: t(FIELD_LABELS[target]) })}
              </Text>
              <Group gap={6}>
                {placeholders.map((item) => (
                  <Button
                    key={item.name}
                    size="compact-sm"
                    variant="light"
                    onClick={() => insert(item.name)}
                    aria-label={t('templates.insert', {
                      placeholder: `{{${item.name}}}`,
                      label: t(`templates.placeholder.${item.name}`),
                      field: t(FIELD_LABELS[target]),
                    })}
                  >
                    {t(`templates.placeholder.${item.name}`)}
                  </Button>
                ))}
              </Group>
            </Stack>
            <Stack gap={4} role="group" aria-labelledby="template-logo">
              <Text id="template-logo" fw={600} size="sm">
                {t('templates.logo')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('templates.logoHint')}
              </Text>
              <Text size="sm" aria-live="polite">
                {logoState}
              </Text>
              <Group gap="xs">
                <FileButton onChange={(file) => void pickLogo(file)} accept={LOGO_TYPES.join(',')}>
                  {(props) => (
                    <Button {...props} variant="default" size="sm">
                      {t('templates.logoPick')}
                    </Button>
                  )}
                </FileButton>
                {hasLogo ? (
                  <Button
                    variant="default"
                    size="sm"
                    onClick={() => {
                      setLogoError(null);
                      setSaved(false);
                      setLogo(template?.logoType ? { kind: 'remove' } : { kind: 'keep' });
                    }}
                  >
                    {t('templates.logoRemove')}
                  </Button>
                ) : null}
              </Group>
              {logoError ? (
                <Text size="sm" c="red.9" role="alert">
                  {logoError}
                </Text>
              ) : null}
            </Stack>
            {saveError ? <ApiErrorAlert error={saveError} /> : null}
            <Group gap="sm" align="center">
              <Button type="submit" loading={save.isPending}>
                {t('templates.save')}
              </Button>
              <Text size="sm" role="status">
                {saved ? t('templates.saved') : ''}
              </Text>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="sm" component="section" aria-labelledby="template-preview">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text component="h2" id="template-preview" fw={600} size="lg">
                {t('templates.preview')}
              </Text>
              {pdfUrl ? (
                <Anchor href={pdfUrl} target="_blank" rel="noopener" size="sm">
                  {t('templates.previewOpen')}
                </Anchor>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t('templates.previewHint')}
            </Text>
            <Text size="sm" aria-live="polite">
              {!printable || previewRefused
                ? t('templates.previewStale')
                : preview.isFetching
                  ? t('templates.previewUpdating')
                  : ''}
            </Text>
            {preview.isError && !previewRefused ? (
              <ApiErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
            ) : null}
            {pdfUrl ? (
              <iframe
                title={t('templates.previewFrame')}
                // The whole page in view, without the viewer's thumbnails (Chromium, Firefox).
                src={`${pdfUrl}#navpanes=0&view=Fit`}
                style={{ width: '100%', aspectRatio: '1.35', border: 0, display: 'block' }}
              />
            ) : null}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
