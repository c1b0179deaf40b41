import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';
import type { ReturnedRecord } from './returned';

interface ReturnedListProps {
  items: ReturnedRecord[] | null;
  /** The record being reopened (its button spins). */
  fixing: string | null;
  onFix: (id: string) => void;
}

/**
 * "Perlu Perbaikan" on the recording desk: the records central sent back, with central's reason
 * and "Perbaiki" (reopen as a draft, then the wizard). Shown only when there are some.
 */
export function ReturnedList({ items, fixing, onFix }: ReturnedListProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (items === null || items.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.returnedList} style={{ borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }}>
      <Title order={2} fz="xl" mb={4}>
        {t('recording.returned.title')}{' '}
        <Badge color="red.9" size="lg" radius="xl" ml={4} style={{ verticalAlign: 'middle' }}>
          {formatNumber(items.length, language)}
        </Badge>
      </Title>
      <Text mb="sm" c="gray.8">
        {t('recording.returned.help')}
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm" horizontalSpacing="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recording.records.colRegistration')}</Table.Th>
              <Table.Th>{t('recording.records.colNama')}</Table.Th>
              <Table.Th>{t('recording.records.colNik')}</Table.Th>
              <Table.Th>{t('recording.records.colStatus')}</Table.Th>
              <Table.Th miw={320} w="40%">
                {t('recording.returned.colReason')}
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={TEST_IDS.returnedRow}>
                <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {item.registrationNo}
                </Table.Td>
                <Table.Td fw={700}>{item.nama}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {item.nik}
                </Table.Td>
                <Table.Td ff="monospace" fw={700} c="red.9" style={{ whiteSpace: 'nowrap' }}>
                  {item.status}
                </Table.Td>
                <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.statusReason ?? t('recording.returned.noReason')}
                </Table.Td>
                <Table.Td>
                  <Button
                    color="red.9"
                    loading={fixing === item.id}
                    disabled={fixing !== null && fixing !== item.id}
                    onClick={() => onFix(item.id)}
                    data-testid={TEST_IDS.returnedFix}
                    aria-label={`${t('recording.returned.fix')}: ${item.nama}, ${item.registrationNo}`}
                  >
                    {t('recording.returned.fix')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
