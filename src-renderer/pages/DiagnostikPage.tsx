import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity, StationErrorPayload } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client.js';
import { StationCallError } from '../client/station-client.js';
import { ErrorAlert } from '../shell/ErrorAlert.js';
import { testIds } from '../testids.js';

const STATE_COLORS = { DARING: 'green', TERGANGGU: 'orange', LURING: 'red' } as const;

export function DiagnostikPage({ client, connectivity }: { client: StationClient; connectivity: Connectivity | null }) {
  const { t, i18n } = useTranslation();
  const [probed, setProbed] = useState<Connectivity | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StationErrorPayload | null>(null);
  const shown = probed ?? connectivity;
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const when = (iso: string | null) => (iso === null ? t('diagnostik.never') : new Date(iso).toLocaleString(locale));

  const probe = async () => {
    setBusy(true);
    setError(null);
    try {
      setProbed(await client.call('station.probeCentral', {}));
    } catch (e: unknown) {
      if (e instanceof StationCallError) setError(e.payload);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder p="lg" data-testid={testIds.page('diagnostik')}>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('diagnostik.title')}</Title>
        <Button onClick={() => void probe()} loading={busy} size="md">
          {t('diagnostik.probeNow')}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Title order={3} mt="sm" mb="xs">
        {t('diagnostik.link')}
      </Title>
      {shown && (
        <Table fz="md" verticalSpacing="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={280}>{t('diagnostik.state')}</Table.Th>
              <Table.Td>
                <Badge size="lg" color={STATE_COLORS[shown.state]}>
                  {t(`connectivity.${shown.state}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('diagnostik.reason')}</Table.Th>
              <Table.Td>
                {shown.reason === null ? (
                  t('diagnostik.none')
                ) : (
                  <>
                    <Text fw={700}>{t(`reason.${shown.reason.code}`)}</Text>
                    <Text fz="sm" c="dimmed" ff="monospace">
                      {shown.reason.code} — {shown.reason.detail}
                    </Text>
                  </>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('diagnostik.since')}</Table.Th>
              <Table.Td>{when(shown.since)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('diagnostik.checkedAt')}</Table.Th>
              <Table.Td>{when(shown.checkedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('diagnostik.latency')}</Table.Th>
              <Table.Td>{shown.latencyMs === null ? t('diagnostik.none') : `${shown.latencyMs} ms`}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Text mt="lg" c="dimmed">
        {t('diagnostik.devicesLater')}
      </Text>
    </Card>
  );
}
