import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { testIds } from '../testids.js';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder p="lg" data-testid={testIds.page('pengaturan')}>
      <Stack>
        <Title order={2}>{t('pengaturan.title')}</Title>
        <Text fw={700}>{t('pengaturan.language')}</Text>
        <SegmentedControl
          size="lg"
          value={i18n.language === 'en' ? 'en' : 'id'}
          onChange={(value) => void i18n.changeLanguage(value)}
          data={[
            { value: 'id', label: t('pengaturan.id') },
            { value: 'en', label: t('pengaturan.en') },
          ]}
        />
      </Stack>
    </Card>
  );
}
