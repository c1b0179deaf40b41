import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageKey } from '../shell/pages.js';
import { testIds } from '../testids.js';

/** A desk whose functions are not built yet: says so plainly, shows nothing it cannot do. */
export function PendingPage({ page }: { page: Extract<PageKey, 'perekaman' | 'pencetakan' | 'laporan'> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder p="lg" data-testid={testIds.page(page)}>
      <Title order={2} mb="md">
        {t(`nav.${page}`)}
      </Title>
      <Text fz="lg">{t(`pending.${page}`)}</Text>
    </Card>
  );
}
