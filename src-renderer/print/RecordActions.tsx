import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintAttemptView, PrintQueueRowView, Role } from '../../src-main/contract/index.js';
import { useReauth } from '../accounts/ReauthDialog';
import type { StationClient } from '../client/station-client';
import { formatShortTime } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import { downloadPdf } from './download';
import { ReasonDialog } from './ReasonDialog';

const ATTEMPT_COLOR: Record<PrintAttemptView['state'], string> = { QUEUED: 'gray', PRINTING: 'blue', PRINTED: 'green', FAILED: 'red', SPOILED: 'orange' };

type SuketPaper = 'FOLIO' | 'A4';

interface RecordActionsProps {
  client: StationClient;
  role: Role;
  record: PrintQueueRowView;
  /** Something about the record changed at the station (spoiled, approved): reload the queue. */
  onChanged: () => void;
  onError: (error: unknown, method: string) => void;
}

/**
 * The selected record's print history (`print.attempts`) and what the desk may do with it:
 * mark the printed card spoiled with a reason; for a supervisor, approve one more card with a
 * reason and the password again (`print.approveReprint` is re-authenticated); issue a Suket
 * (PDF download) while the card cannot be printed. Mounted per record (`key`), so nothing of one
 * record's dialogs or Suket carries over to the next.
 */
export function RecordActions({ client, role, record, onChanged, onError }: RecordActionsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [attempts, setAttempts] = useState<PrintAttemptView[] | null>(null);
  const [asking, setAsking] = useState<'spoil' | 'approve' | null>(null);
  const [paper, setPaper] = useState<SuketPaper>('FOLIO');
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<{ id: string; statusCode: string } | null>(null);
  const { confirm, dialog } = useReauth(client, onError);
  const { enrollmentId } = record;

  const reload = useCallback(
    () =>
      client.call('print.attempts', { enrollmentId }).then(
        (result) => setAttempts(result.attempts),
        (error: unknown) => onError(error, 'print.attempts'),
      ),
    [client, enrollmentId, onError],
  );

  // Again whenever the queue says the record moved (printed, spoiled, approved, one more attempt).
  useEffect(() => {
    void reload();
  }, [reload, record.state, record.attempts, record.approvalId]);

  const lastPrinted = attempts?.findLast((a) => a.state === 'PRINTED');
  const waiting = record.state !== 'QUEUED' && record.approvalId === null;
  const supervisor = role === 'supervisor';

  const spoil = async (reason: string) => {
    setAsking(null);
    if (lastPrinted === undefined) return;
    try {
      await client.call('print.spoil', { attemptId: lastPrinted.id, reason });
    } catch (error: unknown) {
      onError(error, 'print.spoil');
    }
    await reload();
    onChanged();
  };

  const approve = (reason: string) => {
    setAsking(null);
    confirm('print.approveReprint', async (reauthProof) => {
      await client.call('print.approveReprint', { enrollmentId, reason, reauthProof } as Parameters<typeof client.call<'print.approveReprint'>>[1]);
      await reload();
      onChanged();
    });
  };

  const issueSuket = async () => {
    setIssuing(true);
    try {
      const suket = await client.call('suket.issue', { enrollmentId, paper });
      downloadPdf(`suket-${suket.id}.pdf`, suket.pdf);
      setIssued({ id: suket.id, statusCode: suket.statusCode });
    } catch (error: unknown) {
      onError(error, 'suket.issue');
    } finally {
      setIssuing(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid={TEST_IDS.printRecord} data-state={record.state} data-approval={record.approvalId === null ? 'none' : 'open'}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {record.nama}
          </Title>
          <Text ff="monospace" size="sm">
            NIK {record.nik}
          </Text>
        </div>

        {record.state === 'SPOILED' && record.approvalId === null && (
          <Alert color="orange" p="xs" data-testid={TEST_IDS.printRecordWaiting}>
            {t(supervisor ? 'printDesk.record.waitingSupervisor' : 'printDesk.record.waiting')}
          </Alert>
        )}
        {record.approvalId !== null && (
          <Alert color="teal" p="xs" data-testid={TEST_IDS.printRecordApproved}>
            {t('printDesk.record.approved')}
          </Alert>
        )}

        <Text fw={700}>{t('printDesk.record.attempts')}</Text>
        {attempts !== null && attempts.length === 0 && <Text c="dimmed">{t('printDesk.record.noAttempts')}</Text>}
        {attempts !== null && attempts.length > 0 && (
          <Table data-testid={TEST_IDS.printAttempts} verticalSpacing={4}>
            <Table.Tbody>
              {attempts.map((a) => (
                <Table.Tr key={a.id} data-testid={TEST_IDS.printAttempt} data-state={a.state}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortTime(a.spoiledAt ?? a.finishedAt ?? a.startedAt ?? a.createdAt, language)}</Table.Td>
                  <Table.Td>
                    <Badge color={ATTEMPT_COLOR[a.state]} variant="light">
                      {t(`printDesk.phase.${a.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.spoilReason ?? (a.faultCode === null ? a.printer : t(`printDesk.fault.${a.faultCode}`, { defaultValue: a.faultCode }))}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        {/* Only what applies: spoil the card now printed; a supervisor approves one more card of a printed or spoiled record. */}
        {(lastPrinted !== undefined || (supervisor && waiting)) && (
          <Group gap="sm">
            {lastPrinted !== undefined && (
              <Button size="md" color="orange" variant="light" onClick={() => setAsking('spoil')} data-testid={TEST_IDS.printSpoil}>
                {t('printDesk.record.spoil')}
              </Button>
            )}
            {supervisor && waiting && (
              <Button size="md" color="teal" variant={record.state === 'SPOILED' ? 'filled' : 'light'} onClick={() => setAsking('approve')} data-testid={TEST_IDS.printApprove}>
                {t('printDesk.record.approve')}
              </Button>
            )}
          </Group>
        )}

        <Text fw={700} mt="xs">
          {t('printDesk.suket.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {record.state === 'PRINTED' ? t('printDesk.suket.printed') : t('printDesk.suket.hint')}
        </Text>
        <Group gap="sm" align="center">
          <SegmentedControl
            value={paper}
            onChange={(value) => setPaper(value === 'A4' ? 'A4' : 'FOLIO')}
            data={[
              { value: 'FOLIO', label: t('printDesk.suket.folio') },
              { value: 'A4', label: 'A4' },
            ]}
            aria-label={t('printDesk.suket.paper')}
            data-testid={TEST_IDS.printSuketPaper}
          />
          <Button size="md" variant="outline" loading={issuing} disabled={record.state === 'PRINTED'} onClick={() => void issueSuket()} data-testid={TEST_IDS.printSuket}>
            {t('printDesk.suket.issue')}
          </Button>
        </Group>
        {issued !== null && (
          <Text size="sm" c="green.8" data-testid={TEST_IDS.printSuketDone}>
            {t('printDesk.suket.done', issued)}
          </Text>
        )}
      </Stack>

      <ReasonDialog
        opened={asking === 'spoil'}
        title={t('printDesk.record.spoilTitle')}
        body={t('printDesk.record.spoilBody')}
        submitLabel={t('printDesk.record.spoil')}
        onSubmit={(reason) => void spoil(reason)}
        onClose={() => setAsking(null)}
      />
      <ReasonDialog
        opened={asking === 'approve'}
        title={t('printDesk.record.approveTitle')}
        body={t('printDesk.record.approveBody')}
        submitLabel={t('printDesk.record.approve')}
        onSubmit={approve}
        onClose={() => setAsking(null)}
      />
      {dialog}
    </Paper>
  );
}
