import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload } from '../../src-main/contract/index.js';
import { useLanguage } from '../i18n';
import { TEST_IDS } from '../testids';

/** A station error as the operator reads it: the code, and the message in the current language. */
export function ErrorAlert({ error, onClose }: { error: StationErrorPayload; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      role="alert"
      title={t('error.title', { code: error.code })}
      withCloseButton
      closeButtonLabel={t('error.dismiss')}
      onClose={onClose}
      data-testid={TEST_IDS.errorAlert}
      styles={{ root: { border: '2px solid var(--mantine-color-red-8)' }, title: { fontSize: '1.125rem', color: 'var(--mantine-color-red-9)' }, message: { fontSize: '1.0625rem' } }}
    >
      {error.message[language]}
    </Alert>
  );
}
