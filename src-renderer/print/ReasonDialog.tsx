import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../testids';

/** The station refuses shorter reasons (the contract's `Reason`: 5 to 200 characters). */
export const REASON_MIN = 5;
const REASON_MAX = 200;

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  body: string;
  submitLabel: string;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/**
 * Asks for the reason of a print-desk action that is recorded (a spoiled card, a reprint approval,
 * a damaged blank). The button stays off until the reason is long enough for the station.
 */
export function ReasonDialog({ opened, title, body, submitLabel, onSubmit, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();

  const close = () => {
    setReason('');
    onClose();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (trimmed.length < REASON_MIN) return;
    setReason('');
    onSubmit(trimmed);
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered size="lg" data-testid={TEST_IDS.reasonDialog}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text>{body}</Text>
          <Textarea
            label={t('printDesk.reason.label')}
            description={t('printDesk.reason.hint', { min: REASON_MIN })}
            size="lg"
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-testid={TEST_IDS.reasonInput}
          />
          <Group justify="flex-end">
            <Button size="md" variant="default" onClick={close}>
              {t('printDesk.reason.cancel')}
            </Button>
            <Button size="md" type="submit" disabled={trimmed.length < REASON_MIN} data-testid={TEST_IDS.reasonSubmit}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
