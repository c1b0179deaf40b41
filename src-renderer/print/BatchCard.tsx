import { Button, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../testids';

/** The running (or last) batch: n of N cards done, and "stop after this card" while it runs. */
export function BatchCard({ batch, onStop }: { batch: { done: number; total: number } | null; onStop: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" style={{ flex: 1 }}>
      <Title order={2} size="h4">
        {t('printDesk.batch')}
      </Title>
      {batch === null ? (
        <Text c="dimmed">{t('printDesk.noBatch')}</Text>
      ) : (
        <Stack gap={4} data-testid={TEST_IDS.printDeskBatch} data-done={batch.done} data-total={batch.total}>
          <Text>{t('printDesk.batchProgress', { done: batch.done, total: batch.total })}</Text>
          <Progress value={batch.total === 0 ? 0 : (100 * batch.done) / batch.total} aria-label={t('printDesk.batch')} />
          {batch.done < batch.total && (
            <Button variant="subtle" color="red" size="md" onClick={onStop}>
              {t('printDesk.stop')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
