import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload } from '../../src-main/contract/index.js';
import { testIds } from '../testids.js';

/** A failed call as the operator reads it: the message in the current language, and its code. */
export function ErrorAlert({ error, onClose }: { error: StationErrorPayload; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  const text = i18n.language === 'en' ? error.message.en : error.message.id;
  return (
    <Alert
      color="red"
      variant="filled"
      title={`${t('error.title')} ${error.code}`}
      data-testid={testIds.errorAlert}
      role="alert"
      withCloseButton={onClose !== undefined}
      {...(onClose ? { onClose } : {})}
    >
      {text}
    </Alert>
  );
}
