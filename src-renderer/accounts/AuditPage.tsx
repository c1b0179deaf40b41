import { Alert, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditFilter } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { ACCOUNT_TEST_IDS } from '../testids';

type Verification = { ok: true; entries: number } | { ok: false; entries: number; firstBroken: number; reason: string };

/** A local date-time field ("2026-12-01T08:00") as the ISO instant the station filters on. */
function toIso(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Supervisor: the hash-chained audit log, filtered, paged, exported as CSV, and its chain verified. */
export function AuditPage({ client, onError }: { client: StationClient; onError: (thrown: unknown, method: string) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);

  const load = useCallback(
    (filter: AuditFilter, beforeSeq: number | null) => {
      client.call('audit.search', { ...filter, ...(beforeSeq === null ? {} : { beforeSeq }), limit: 100 }).then(
        (page) => {
          setItems((previous) => (beforeSeq === null ? page.items : [...previous, ...page.items]));
          setNext(page.nextBeforeSeq);
          setActions(page.actions);
        },
        (thrown: unknown) => onError(thrown, 'audit.search'),
      );
    },
    [client, onError],
  );
  useEffect(() => load(applied, null), [load, applied]);

  const apply = () => {
    const filter: AuditFilter = {};
    if (action !== '') filter.action = action;
    if (actor.trim() !== '') filter.actor = actor.trim();
    const fromIso = toIso(from);
    const toIsoValue = toIso(to);
    if (fromIso !== undefined) filter.from = fromIso;
    if (toIsoValue !== undefined) filter.to = toIsoValue;
    setApplied(filter);
  };

  const exportCsv = () => {
    client.call('audit.exportCsv', applied).then(
      (file) => download(file.fileName, file.csv),
      (thrown: unknown) => onError(thrown, 'audit.exportCsv'),
    );
  };

  const verify = () => {
    client.call('audit.verify', {}).then(setVerification, (thrown: unknown) => onError(thrown, 'audit.verify'));
  };

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t('accounts.audit.action')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            data={[{ value: '', label: t('accounts.audit.anyAction') }, ...actions.map((value) => ({ value, label: value }))]}
            data-testid={ACCOUNT_TEST_IDS.auditFilterAction}
          />
          <TextInput label={t('accounts.audit.actor')} value={actor} onChange={(e) => setActor(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.auditFilterActor} />
          <TextInput label={t('accounts.audit.from')} type="datetime-local" value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.auditFilterFrom} />
          <TextInput label={t('accounts.audit.to')} type="datetime-local" value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.auditFilterTo} />
          <Button onClick={apply} data-testid={ACCOUNT_TEST_IDS.auditApply}>
            {t('accounts.audit.apply')}
          </Button>
          <Button variant="light" onClick={exportCsv} data-testid={ACCOUNT_TEST_IDS.auditExport}>
            {t('accounts.audit.export')}
          </Button>
          <Button variant="default" onClick={verify} data-testid={ACCOUNT_TEST_IDS.auditVerify}>
            {t('accounts.audit.verify')}
          </Button>
        </Group>
      </Paper>
      {verification !== null && (
        <Alert color={verification.ok ? 'green' : 'red'} data-testid={ACCOUNT_TEST_IDS.auditVerifyResult} role="status">
          {verification.ok
            ? t('accounts.audit.intact', { entries: verification.entries })
            : t('accounts.audit.broken', { seq: verification.firstBroken, reason: verification.reason })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Table striped data-testid={ACCOUNT_TEST_IDS.auditTable}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('accounts.audit.at')}</Table.Th>
              <Table.Th>{t('accounts.audit.actor')}</Table.Th>
              <Table.Th>{t('accounts.audit.action')}</Table.Th>
              <Table.Th>{t('accounts.audit.subject')}</Table.Th>
              <Table.Th>{t('accounts.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.seq} data-testid={ACCOUNT_TEST_IDS.auditRow}>
                <Table.Td>{entry.seq}</Table.Td>
                <Table.Td>{new Date(entry.at).toLocaleString()}</Table.Td>
                <Table.Td>
                  {entry.actor} <Text span c="dimmed" fz="sm">({entry.role})</Text>
                </Table.Td>
                <Table.Td>{entry.action}</Table.Td>
                <Table.Td>{entry.subject ?? '—'}</Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(entry.details)}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {items.length === 0 && <Text>{t('accounts.audit.none')}</Text>}
        {next !== null && (
          <Button mt="md" variant="subtle" onClick={() => load(applied, next)} data-testid={ACCOUNT_TEST_IDS.auditMore}>
            {t('accounts.audit.more')}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}
