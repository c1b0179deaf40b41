import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import { TEST_IDS } from '../testids';

/**
 * The kept captures flagged for the supervisor (an exception instead of an image, or an image
 * kept below its quality threshold after the last attempt), each with its reason and score.
 */
export function SupervisorReview({ view }: { view: EnrollmentView }) {
  const { t } = useTranslation();
  if (view.supervisorReview.length === 0) return null;
  const keptOf = (position: string) => view.captures.find((c) => c.position === position && c.chosen);
  return (
    <Alert color="grape" variant="light" title={t('recording.review.supervisorTitle', { count: view.supervisorReview.length })} data-testid={TEST_IDS.supervisorReview} role="status">
      <Text fz="sm" mb="xs">
        {t('recording.review.supervisorBody')}
      </Text>
      <List>
        {view.supervisorReview.map((item) => {
          const kept = keptOf(item.position);
          const detail =
            item.reason === 'EXCEPTION'
              ? t('recording.review.flagException', { reason: kept?.exceptionReason == null ? '—' : t(`recording.exceptions.${kept.exceptionReason}`) })
              : t('recording.review.flagBelowThreshold', { quality: kept?.quality ?? '—' });
          return (
            <List.Item key={item.position}>
              <Text span fw={700}>
                {t(`recording.positions.${item.position}`)}
              </Text>
              : {detail}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
