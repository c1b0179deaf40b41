import { Button, Code, Group, Paper, Switch, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncAttemptView } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { formatBytes, formatDateTime, formatShortTime } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';

const PAGE_SIZE = 50;

interface SyncHistoryProps {
  client: StationClient;
  /** Bumped by the page after each refresh of the overview: newer attempts are added on top. */
  round: number;
  onError: (error: unknown, method: string) => void;
}

/** The attempts to reach central, newest first: step, outcome, code, detail, HTTP status, time. */
export function SyncHistory({ client, round, onError }: SyncHistoryProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [failedOnly, setFailedOnly] = useState(false);
  const [attempts, setAttempts] = useState<SyncAttemptView[] | null>(null);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Replies for a filter the operator has since changed are dropped.
  const generation = useRef(0);

  // The first page, again whenever the filter changes.
  useEffect(() => {
    generation.current += 1;
    const mine = generation.current;
    client.call('sync.history', { limit: PAGE_SIZE, failedOnly }).then(
      (page) => {
        if (mine !== generation.current) return;
        setAttempts(page.attempts);
        setNextBeforeId(page.nextBeforeId);
      },
      (error: unknown) => onError(error, 'sync.history'),
    );
  }, [client, failedOnly, onError]);

  // Live: attempts newer than the newest shown go on top; pages already loaded stay.
  const addNewer = useCallback(() => {
    const mine = generation.current;
    client.call('sync.history', { limit: PAGE_SIZE, failedOnly }).then(
      (page) => {
        if (mine !== generation.current) return;
        setAttempts((shown) => {
          if (shown === null) return page.attempts;
          const newest = shown[0]?.id ?? 0;
          const newer = page.attempts.filter((attempt) => attempt.id > newest);
          return newer.length === 0 ? shown : [...newer, ...shown];
        });
      },
      () => undefined, // the page's own refresh reports a station that cannot be reached
    );
  }, [client, failedOnly]);

  useEffect(() => {
    if (round > 1) addNewer();
  }, [round, addNewer]);

  const loadMore = async () => {
    if (nextBeforeId === null) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await client.call('sync.history', { limit: PAGE_SIZE, failedOnly, beforeId: nextBeforeId });
      if (mine !== generation.current) return;
      setAttempts((shown) => [...(shown ?? []), ...page.attempts]);
      setNextBeforeId(page.nextBeforeId);
    } catch (error: unknown) {
      onError(error, 'sync.history');
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="xl">
          {t('sync.historyTitle')}
        </Title>
        <Switch
          size="md"
          label={t('sync.failedOnly')}
          checked={failedOnly}
          onChange={(event) => {
            setAttempts(null);
            setNextBeforeId(null);
            setFailedOnly(event.currentTarget.checked);
          }}
          data-testid={TEST_IDS.syncFailedOnly}
        />
      </Group>
      {attempts === null && <Text c="gray.7">{t('recording.start.loading')}</Text>}
      {attempts?.length === 0 && <Text c="gray.7">{failedOnly ? t('sync.historyEmptyFailed') : t('sync.historyEmpty')}</Text>}
      {attempts !== null && attempts.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing="xs" horizontalSpacing="sm" striped data-testid={TEST_IDS.syncHistory}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.colTime')}</Table.Th>
                <Table.Th>{t('sync.colStep')}</Table.Th>
                <Table.Th>{t('sync.colRecord')}</Table.Th>
                <Table.Th>{t('sync.colOutcome')}</Table.Th>
                <Table.Th>{t('sync.colCode')}</Table.Th>
                <Table.Th miw={300} w="34%">
                  {t('sync.colDetail')}
                </Table.Th>
                <Table.Th ta="right">{t('sync.colHttp')}</Table.Th>
                <Table.Th ta="right">{t('sync.colBytes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.map((attempt) => (
                <Table.Tr key={attempt.id} data-testid={TEST_IDS.syncHistoryRow} data-outcome={attempt.outcome}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDateTime(attempt.startedAt, language)}>
                    {formatShortTime(attempt.startedAt, language, { seconds: true })}
                  </Table.Td>
                  <Table.Td>{t(`sync.attemptSteps.${attempt.step}`)}</Table.Td>
                  <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {attempt.registrationNo ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Text span fw={800} c={attempt.outcome === 'OK' ? 'green.9' : 'red.9'} style={{ whiteSpace: 'nowrap' }}>
                      {attempt.outcome === 'OK' ? '✓' : '✗'} {t(`sync.outcomes.${attempt.outcome}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{attempt.code === null ? '—' : <Code fz="sm">{attempt.code}</Code>}</Table.Td>
                  <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {attempt.detail ?? '—'}
                  </Table.Td>
                  <Table.Td ta="right">{attempt.httpStatus ?? '—'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {attempt.bytesSent === 0 ? '—' : formatBytes(attempt.bytesSent, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {nextBeforeId !== null && (
        <Button variant="default" mt="md" loading={loadingMore} onClick={() => void loadMore()} data-testid={TEST_IDS.syncHistoryMore}>
          {t('sync.loadMore')}
        </Button>
      )}
    </Paper>
  );
}
