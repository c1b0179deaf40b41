import { Badge, Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlankoStockView } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import { ReasonDialog } from './ReasonDialog';

interface BlankoPanelProps {
  client: StationClient;
  stock: BlankoStockView | null;
  /** The station's stock after a movement booked here. */
  onStock: (stock: BlankoStockView) => void;
  onError: (error: unknown, method: string) => void;
}

/**
 * Blanko stock: the figure (the sum of the ledger) with the low-stock badge, what moved since the
 * last count; receive a delivery (quantity and serial range), book blanks damaged outside a print
 * job (quantity and a reason), and a physical count.
 */
export function BlankoPanel({ client, stock, onStock, onError }: BlankoPanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [receive, setReceive] = useState<{ quantity: number | string; from: string; to: string }>({ quantity: '', from: '', to: '' });
  const [counted, setCounted] = useState<number | string>('');
  const [spoilQuantity, setSpoilQuantity] = useState<number | string>(1);
  const [asking, setAsking] = useState(false);

  const receiveBlanks = async () => {
    try {
      onStock(await client.call('blanko.receive', { quantity: Number(receive.quantity), serialFrom: receive.from, serialTo: receive.to }));
      setReceive({ quantity: '', from: '', to: '' });
    } catch (error: unknown) {
      onError(error, 'blanko.receive');
    }
  };

  const count = async () => {
    try {
      const result = await client.call('blanko.count', { counted: Number(counted) });
      onStock(result.stock);
      setCounted('');
    } catch (error: unknown) {
      onError(error, 'blanko.count');
    }
  };

  const spoil = async (reason: string) => {
    setAsking(false);
    try {
      onStock(await client.call('blanko.spoil', { quantity: Number(spoilQuantity), reason }));
      setSpoilQuantity(1);
    } catch (error: unknown) {
      onError(error, 'blanko.spoil');
    }
  };

  return (
    <Paper withBorder p="md" h="100%" data-testid={TEST_IDS.printDeskStock}>
      <Title order={2} size="h4">
        {t('printDesk.stock')}
      </Title>
      <Group gap="xs">
        <Text size="xl" fw={700} data-testid={TEST_IDS.printDeskStockCount}>
          {stock === null ? '—' : formatNumber(stock.stock, language)}
        </Text>
        {stock?.low === true && <Badge color="orange">{t('printDesk.lowStock', { threshold: stock.lowThreshold })}</Badge>}
      </Group>
      {stock !== null && (
        <Text size="sm" c="dimmed">
          {t('printDesk.sinceCount', stock.sinceLastCount)}
        </Text>
      )}
      <Group gap="xs" mt="xs" align="end">
        <NumberInput label={t('printDesk.quantity')} value={receive.quantity} onChange={(v) => setReceive({ ...receive, quantity: v })} w={80} min={1} />
        <TextInput label={t('printDesk.serialFrom')} value={receive.from} onChange={(e) => setReceive({ ...receive, from: e.currentTarget.value })} w={110} />
        <TextInput label={t('printDesk.serialTo')} value={receive.to} onChange={(e) => setReceive({ ...receive, to: e.currentTarget.value })} w={110} />
        <Button variant="light" onClick={() => void receiveBlanks()}>
          {t('printDesk.receive')}
        </Button>
      </Group>
      <Group gap="xs" mt="xs" align="end">
        <NumberInput label={t('printDesk.counted')} value={counted} onChange={setCounted} w={120} min={0} />
        <Button variant="light" onClick={() => void count()}>
          {t('printDesk.count')}
        </Button>
      </Group>
      <Group gap="xs" mt="xs" align="end">
        <NumberInput label={t('printDesk.blankoSpoil.quantity')} value={spoilQuantity} onChange={setSpoilQuantity} w={120} min={1} max={1000} data-testid={TEST_IDS.blankoSpoilQuantity} />
        <Button variant="light" color="orange" disabled={Number(spoilQuantity) < 1} onClick={() => setAsking(true)} data-testid={TEST_IDS.blankoSpoil}>
          {t('printDesk.blankoSpoil.button')}
        </Button>
      </Group>
      <ReasonDialog
        opened={asking}
        title={t('printDesk.blankoSpoil.title')}
        body={t('printDesk.blankoSpoil.body', { count: Number(spoilQuantity) })}
        submitLabel={t('printDesk.blankoSpoil.button')}
        onSubmit={(reason) => void spoil(reason)}
        onClose={() => setAsking(false)}
      />
    </Paper>
  );
}
