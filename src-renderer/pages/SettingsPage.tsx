import { Group, Paper, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from '../i18n';
import type { Language } from '../i18n';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Paper withBorder p="lg" radius="md">
      <Radio.Group
        value={language}
        onChange={(value) => {
          if (isLanguage(value)) setLanguage(value);
        }}
        name="language"
        label={t('settings.language')}
        description={t('settings.languageHelp')}
        size="lg"
        styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
      >
        <Group mt="md" gap="xl">
          {LANGUAGES.map((code) => (
            <Radio key={code} value={code} label={t(`language.${code}`)} size="lg" lang={code} />
          ))}
        </Group>
      </Radio.Group>
    </Paper>
  );
}
