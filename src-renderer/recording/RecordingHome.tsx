import { Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentStatus } from '../../src-main/contract/enrollment-status.js';
import type { EnrollmentListItem } from '../../src-main/contract/methods/enrollment.js';
import type { MethodParams } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { DeskDashboard } from './DeskDashboard';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import { ENROLLMENT_STATUSES } from './options';
import type { ReturnedRecord } from './returned';
import { ReturnedList } from './ReturnedList';

interface RecordingHomeProps {
  client: StationClient;
  onNew: () => void;
  onResume: (id: string) => void;
  onOpen: (id: string) => void;
  onError: (error: unknown, method: string) => void;
  /** "Perlu Perbaikan": records central sent back, and the one being reopened. */
  returned: ReturnedRecord[] | null;
  fixing: string | null;
  onFix: (id: string) => void;
}

const PAGE_SIZE = 20;

type SearchParams = MethodParams<'enrollment.search'>;

/** What the operator typed, as search params: 16 digits = NIK, anything with a digit = registration no., else a name prefix. */
export function searchParamsOf(query: string, status: EnrollmentStatus | ''): SearchParams {
  const q = query.trim();
  const params: SearchParams = { limit: PAGE_SIZE };
  if (/^\d{16}$/.test(q)) params.nik = q;
  else if (/\d/.test(q)) params.registrationNo = q;
  else if (q !== '') params.namePrefix = q;
  if (status !== '') params.status = status;
  return params;
}

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={status === 'DRAFT' ? 'yellow' : status === 'COMMITTED' ? 'green' : 'blue'} variant="light" size="lg" radius="sm">
      {status}
    </Badge>
  );
}

/**
 * The start screen of Perekaman: a new resident, this station's unfinished drafts, and the records
 * list (search by NIK, name prefix or registration number; status filter; paging).
 */
export function RecordingHome({ client, onNew, onResume, onOpen, onError, returned, fixing, onFix }: RecordingHomeProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [drafts, setDrafts] = useState<EnrollmentListItem[] | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<EnrollmentStatus | ''>('');
  const [records, setRecords] = useState<EnrollmentListItem[] | null>(null);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [searching, setSearching] = useState(false);
  const [shown, setShown] = useState<SearchParams>(() => searchParamsOf('', ''));

  useEffect(() => {
    let cancelled = false;
    client.call('enrollment.search', { status: 'DRAFT', limit: 50 }).then(
      (result) => {
        if (!cancelled) setDrafts(result.items);
      },
      (thrown: unknown) => onError(thrown, 'enrollment.search'),
    );
    return () => {
      cancelled = true;
    };
  }, [client, onError]);

  const run = useCallback(
    async (params: SearchParams, append: boolean) => {
      setSearching(true);
      try {
        const result = await client.call('enrollment.search', params);
        setRecords((previous) => (append && previous !== null ? [...previous, ...result.items] : result.items));
        setNextBeforeSeq(result.nextBeforeSeq);
      } catch (thrown: unknown) {
        onError(thrown, 'enrollment.search');
      } finally {
        setSearching(false);
      }
    },
    [client, onError],
  );

  useEffect(() => {
    let cancelled = false;
    client.call('enrollment.search', searchParamsOf('', '')).then(
      (result) => {
        if (cancelled) return;
        setRecords(result.items);
        setNextBeforeSeq(result.nextBeforeSeq);
      },
      (thrown: unknown) => onError(thrown, 'enrollment.search'),
    );
    return () => {
      cancelled = true;
    };
  }, [client, onError]);

  const search = (nextStatus: EnrollmentStatus | '' = status) => {
    const params = searchParamsOf(query, nextStatus);
    setShown(params);
    void run(params, false);
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    search();
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button size="xl" onClick={onNew} data-testid={TEST_IDS.wizardNew}>
          {t('recording.start.newResident')}
        </Button>
      </Group>

      <ReturnedList items={returned} fixing={fixing} onFix={onFix} />

      <DeskDashboard client={client} />

      <Paper withBorder p="lg" radius="md">
        <Title order={2} fz="xl" mb="sm">
          {t('recording.start.draftsTitle')}
        </Title>
        {drafts === null && <Loader size="sm" aria-label={t('recording.start.loading')} />}
        {drafts?.length === 0 && <Text c="gray.7">{t('recording.start.draftsEmpty')}</Text>}
        {drafts !== null && drafts.length > 0 && (
          <Stack gap="xs">
            {drafts.map((draft) => (
              <UnstyledButton
                key={draft.id}
                onClick={() => onResume(draft.id)}
                data-testid={TEST_IDS.draftRow}
                className="ktp-row-button"
                aria-label={`${t('recording.start.resume')}: ${draft.nama}, ${draft.registrationNo}`}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="lg" wrap="nowrap">
                    <Text ff="monospace" fw={700}>
                      {draft.registrationNo}
                    </Text>
                    <Text ff="monospace">{draft.nik}</Text>
                    <Text fw={700}>{draft.nama}</Text>
                  </Group>
                  <Group gap="md" wrap="nowrap">
                    <Text fz="sm" c="gray.7">
                      {formatDateTime(draft.updatedAt, language)}
                    </Text>
                    <Text fw={700} c="blue.8">
                      {t('recording.start.resume')} →
                    </Text>
                  </Group>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Title order={2} fz="xl" mb="sm">
          {t('recording.records.title')}
        </Title>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" mb="md">
            <TextInput
              label={t('recording.records.search')}
              description={t('recording.records.searchHint')}
              size="md"
              w={460}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              data-testid={TEST_IDS.recordsSearch}
              autoComplete="off"
              spellCheck={false}
            />
            <NativeSelect
              label={t('recording.records.status')}
              size="md"
              value={status}
              onChange={(event) => {
                const value = ENROLLMENT_STATUSES.find((s) => s === event.currentTarget.value) ?? '';
                setStatus(value);
                search(value);
              }}
              data={[{ value: '', label: t('recording.records.allStatuses') }, ...ENROLLMENT_STATUSES.map((s) => ({ value: s, label: s }))]}
              data-testid={TEST_IDS.recordsStatus}
            />
            <Button type="submit" size="md" loading={searching && records !== null}>
              {t('recording.records.searchButton')}
            </Button>
          </Group>
        </form>
        {records === null && <Loader size="sm" aria-label={t('recording.start.loading')} />}
        {records?.length === 0 && <Text c="gray.7">{t('recording.records.empty')}</Text>}
        {records !== null && records.length > 0 && (
          <Table verticalSpacing="xs" horizontalSpacing="md" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recording.records.colRegistration')}</Table.Th>
                <Table.Th>{t('recording.records.colNik')}</Table.Th>
                <Table.Th>{t('recording.records.colNama')}</Table.Th>
                <Table.Th>{t('recording.records.colStatus')}</Table.Th>
                <Table.Th>{t('recording.records.colUpdated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) => (
                <Table.Tr key={record.id} onClick={() => onOpen(record.id)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <UnstyledButton
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(record.id);
                      }}
                      data-testid={TEST_IDS.recordsRow}
                      aria-label={`${t('recording.records.open')}: ${record.nama}, ${record.registrationNo}`}
                      ff="monospace"
                      fw={700}
                      c="blue.9"
                      td="underline"
                    >
                      {record.registrationNo}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td ff="monospace">{record.nik}</Table.Td>
                  <Table.Td fw={600}>{record.nama}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={record.status} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(record.updatedAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {nextBeforeSeq !== null && (
          <Button
            variant="default"
            mt="md"
            loading={searching}
            onClick={() => void run({ ...shown, beforeSeq: nextBeforeSeq }, true)}
            data-testid={TEST_IDS.recordsMore}
          >
            {t('recording.records.loadMore')}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}
