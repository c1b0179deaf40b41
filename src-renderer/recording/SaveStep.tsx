import { Alert, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload } from '../../src-main/contract/index.js';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { toErrorPayload } from '../client/station-client';
import { Fact } from '../pages/InfoPage';
import { TEST_IDS } from '../testids';
import { ReceiptButton } from './ReceiptButton';

interface SaveStepProps {
  client: StationClient;
  view: EnrollmentView;
  /** enrollment.commit returned: the committed record. */
  onCommitted: (view: EnrollmentView) => void;
  /** The commit was refused: the record as it stands now (for CAPTURES_MISSING), and the error. */
  onRefused: (error: StationErrorPayload, view: EnrollmentView | null) => void;
  onBack: () => void;
}

/** Simpan: says what saving means, and commits. Nothing here claims success; SavedPanel does, after the reply. */
export function SaveStep({ client, view, onCommitted, onRefused, onBack }: SaveStepProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const incomplete = view.missing.length > 0;

  const commit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onCommitted(await client.call('enrollment.commit', { id: view.id }));
    } catch (thrown: unknown) {
      const error = toErrorPayload(thrown, 'enrollment.commit');
      const fresh = await client.call('enrollment.get', { id: view.id }).catch(() => null);
      onRefused(error, fresh);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text fz="lg">{t('recording.save.body')}</Text>
      {incomplete && (
        <Alert color="red" variant="light" role="status">
          {t('recording.save.incomplete')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} data-testid={TEST_IDS.wizardBack}>
          {t('recording.wizard.back')}
        </Button>
        <Button
          size="xl"
          color="green"
          onClick={() => void commit()}
          loading={busy}
          disabled={incomplete}
          autoFocus
          data-testid={TEST_IDS.commitButton}
        >
          {t('recording.save.commit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Tersimpan": only ever rendered with the record enrollment.commit returned. */
export function SavedPanel({ client, view, onNext }: { client: StationClient; view: EnrollmentView; onNext: () => void }) {
  const { t } = useTranslation();
  const hash = view.contentHash ?? '';
  return (
    <Paper
      p="xl"
      radius="md"
      data-testid={TEST_IDS.savedPanel}
      role="status"
      style={{ background: 'var(--mantine-color-green-0)', border: '3px solid var(--mantine-color-green-8)' }}
    >
      <Stack gap="md" align="flex-start">
        <Title order={2} fz={44} c="green.9">
          ✓ {t('recording.saved.title')}
        </Title>
        <Text fz="lg">{t('recording.saved.body', { nama: view.demographics.nama })}</Text>
        <Table className="ktp-facts" verticalSpacing="sm" horizontalSpacing="md" maw={720}>
          <Table.Tbody>
            <Fact label={t('recording.saved.registrationNo')}>
              <Text span fz={28} fw={800} ff="monospace" data-testid={TEST_IDS.savedRegistrationNo}>
                {view.registrationNo}
              </Text>
            </Fact>
            <Fact label={t('recording.saved.status')}>
              <Text span fw={700}>
                {view.status}
              </Text>
            </Fact>
            <Fact label={t('recording.saved.contentHash')}>
              <Code fz="md" title={hash} data-testid={TEST_IDS.savedContentHash}>
                {hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-6)}` : hash}
              </Code>
            </Fact>
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="lg" onClick={onNext} autoFocus data-testid={TEST_IDS.savedNext}>
            {t('recording.saved.next')}
          </Button>
          <ReceiptButton client={client} enrollmentId={view.id} />
        </Group>
      </Stack>
    </Paper>
  );
}
