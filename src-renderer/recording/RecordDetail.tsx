import { Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { ReceiptButton } from './ReceiptButton';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n';
import { Fact } from '../pages/InfoPage';
import { TEST_IDS } from '../testids';
import { CaptureSlotsGrid } from './CaptureSlots';
import { usePreviews } from './previews';
import { DemographicsSummary } from './ReviewStep';
import { SupervisorReview } from './SupervisorReview';

/** One record, read only: its data, status and the kept capture of each position. */
export function RecordDetail({ client, view, onBack }: { client: StationClient; view: EnrollmentView | null; onBack: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const previews = usePreviews(client, view?.id ?? null);

  return (
    <Stack gap="lg" data-testid={TEST_IDS.recordDetail}>
      <Group>
        <Button variant="default" onClick={onBack} autoFocus>
          ← {t('recording.detail.back')}
        </Button>
        {view !== null && view.status !== 'DRAFT' && <ReceiptButton client={client} enrollmentId={view.id} />}
      </Group>
      {view === null ? (
        <Loader aria-label={t('recording.start.loading')} />
      ) : (
        <>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} fz="xl" mb="sm">
              {t('recording.detail.title', { registrationNo: view.registrationNo })}
            </Title>
            <Text fz="sm" c="gray.7" mb="sm">
              {t('recording.detail.readOnly')}
            </Text>
            <Table className="ktp-facts" verticalSpacing={6} horizontalSpacing="md" striped>
              <Table.Tbody>
                <Fact label={t('recording.detail.registrationNo')}>
                  <Text span ff="monospace" fw={700}>
                    {view.registrationNo}
                  </Text>
                </Fact>
                <Fact label={t('recording.detail.status')}>{view.status}</Fact>
                <Fact label={t('recording.detail.committedAt')}>
                  {view.committedAt === null ? t('recording.detail.notCommitted') : formatDateTime(view.committedAt, language)}
                </Fact>
                <Fact label={t('recording.detail.contentHash')}>{view.contentHash === null ? '—' : <Code fz="sm">{view.contentHash}</Code>}</Fact>
              </Table.Tbody>
            </Table>
          </Paper>
          <SupervisorReview view={view} />
          <Paper withBorder p="lg" radius="md">
            <Title order={2} fz="lg" mb="sm">
              {t('recording.detail.captures')}
            </Title>
            <CaptureSlotsGrid captures={view.captures} previews={previews} />
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} fz="lg" mb="sm">
              {t('recording.detail.demographics')}
            </Title>
            <DemographicsSummary view={view} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
