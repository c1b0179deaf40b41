import { Button, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';

/** One button, ID | EN with the current one marked; each press (or Alt+L) switches to the other. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, toggleLanguage } = useLanguage();
  return (
    <Button
      variant="default"
      size="md"
      onClick={toggleLanguage}
      aria-label={t('language.switch')}
      aria-keyshortcuts="Alt+L"
      title={t('language.switch')}
      data-testid={TEST_IDS.languageSwitch}
    >
      {LANGUAGES.map((code, index) => (
        <Fragment key={code}>
          {index > 0 && (
            <Text span c="gray.6" mx={6} aria-hidden>
              |
            </Text>
          )}
          <Text span fw={code === language ? 900 : 500} c={code === language ? 'blue.9' : 'gray.7'} td={code === language ? 'underline' : undefined}>
            {code.toUpperCase()}
          </Text>
        </Fragment>
      ))}
    </Button>
  );
}
