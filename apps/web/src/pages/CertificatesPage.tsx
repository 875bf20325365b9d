import { Badge, Button, Card, CopyButton, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { showToast } from '../components/toasts';
import { ApiErrorAlert, useErrorMessage } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { saveBlob } from '../components/save-blob';
import { formatDate } from '../format';
import { ListPager } from '../learner/ListPager';
import { type Certificate, learnerKeys, PAGE_SIZE } from '../learner/queries';

const STATUS_COLOR: Record<Certificate['status'], string> = {
  valid: 'teal.9',
  expired: 'pink.9',
  revoked: 'red.9',
};

const fileSerial = (serial: string) => serial.replace(/[^A-Za-z0-9-]/g, '');

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const path = { params: { path: { serial: certificate.serial } } };
  const verifyUrl = `${window.location.origin}/verify/${certificate.serial}`;
  const fail = (error: unknown) =>
    showToast({ color: 'red', message: message(error), autoClose: 8000 });

  const pdf = useMutation({
    mutationFn: () =>
      unwrap(api.GET('/api/v1/certificates/{serial}/pdf', { ...path, parseAs: 'blob' })),
    onSuccess: (blob) => saveBlob(blob, `certificate-${fileSerial(certificate.serial)}.pdf`),
    onError: fail,
  });
  const credential = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/certificates/{serial}/credential', path)),
    onSuccess: (body) =>
      saveBlob(
        new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
        `open-badge-${fileSerial(certificate.serial)}.json`,
      ),
    onError: fail,
  });
  const sharing = useMutation({
    mutationFn: (shared: boolean) =>
      unwrap(api.PUT('/api/v1/certificates/{serial}/sharing', { ...path, body: { shared } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learnerKeys.allCertificates }),
    onError: fail,
  });
  // The switch moves the moment it is clicked (set in the same event, not after the mutation
  // reports pending) and holds until the saved certificate is read back.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const shared = wanted ?? certificate.shared;
  const titleId = `certificate-${fileSerial(certificate.serial)}`;

  return (
    <Card withBorder component="article" aria-labelledby={titleId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text id={titleId} component="h2" fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {certificate.courseTitle}
          </Text>
          <Badge color={STATUS_COLOR[certificate.status]} variant="filled">
            {t(`certificates.status.${certificate.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('certificates.serial')}: <strong>{certificate.serial}</strong>
        </Text>
        <Text size="sm">
          {t('certificates.issuedOn', { date: formatDate(certificate.issuedAt) })}
          {certificate.expiresAt
            ? ` · ${t(certificate.status === 'expired' ? 'certificates.expiredOn' : 'certificates.expiresOn', { date: formatDate(certificate.expiresAt) })}`
            : ` · ${t('certificates.noExpiry')}`}
        </Text>
        {certificate.status === 'revoked' ? (
          <Text size="sm">{t('certificates.revokedHint')}</Text>
        ) : null}
        <Group gap="sm" mt="xs">
          <Button onClick={() => pdf.mutate()} loading={pdf.isPending} size="sm">
            {t('certificates.downloadPdf')}
          </Button>
          <CopyButton value={verifyUrl}>
            {({ copied, copy }) => (
              <Button variant="light" size="sm" onClick={copy}>
                {copied ? t('certificates.copied') : t('certificates.copyLink')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="default"
            size="sm"
            onClick={() => credential.mutate()}
            loading={credential.isPending}
          >
            {t('certificates.downloadBadge')}
          </Button>
        </Group>
        <Switch
          mt="xs"
          checked={shared}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            setWanted(next);
            sharing.mutate(next, { onSettled: () => setWanted(null) });
          }}
          label={t('certificates.share')}
          description={t('certificates.shareHint')}
        />
      </Stack>
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const certificates = useQuery({
    queryKey: learnerKeys.certificates(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/certificates', { params: { query: { page, pageSize: PAGE_SIZE } } }),
      ),
  });
  return (
    <Stack maw={860} mx="auto" gap="md">
      <PageTitle>{t('certificates.title')}</PageTitle>
      {certificates.isPending ? <PageLoader /> : null}
      {certificates.isError ? (
        <ApiErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : null}
      {certificates.data?.total === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('certificates.empty')}</Text>
            <Button component={Link} to="/learning">
              {t('certificates.toLearning')}
            </Button>
          </Stack>
        </Card>
      ) : null}
      {certificates.data?.items.map((certificate) => (
        <CertificateCard key={certificate.serial} certificate={certificate} />
      ))}
      {certificates.data ? (
        <ListPager
          page={page}
          total={certificates.data.total}
          pageSize={PAGE_SIZE}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
