import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrinterStateView } from '../../src-main/contract/index.js';
import { TEST_IDS } from '../testids';

/** The configured card printer as it reports itself: ready or not, its model, its faults in the desk's words. */
export function PrinterCard({ printer }: { printer: PrinterStateView | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={TEST_IDS.printDeskPrinter}>
      <Title order={2} size="h4">
        {t('printDesk.printer')}
      </Title>
      {printer === null || !printer.configured ? (
        <Text c="dimmed">{t('printDesk.noPrinter')}</Text>
      ) : (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={printer.ready ? 'green' : 'red'}>{printer.ready ? t('printDesk.ready') : t('printDesk.notReady')}</Badge>
            <Text fw={600}>{printer.name}</Text>
          </Group>
          <Text size="sm">{printer.model}</Text>
          {printer.faults.map((f) => (
            <Text key={f.raw} size="sm" c={f.warning ? 'orange' : 'red'}>
              {t(`printDesk.fault.${f.code}`, { defaultValue: f.code })} ({f.raw})
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
