import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A desk whose functions land in a later version: says so, and offers nothing that does not work. */
export function PendingPage({ page }: { page: 'pencetakan' | 'laporan' }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md">
      <Text fz="lg">{t(`pages.${page}.pending`)}</Text>
    </Paper>
  );
}
