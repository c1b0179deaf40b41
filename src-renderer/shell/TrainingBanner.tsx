import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { testIds } from '../testids.js';

/** Across the top of every screen while the station runs in training mode. */
export function TrainingBanner() {
  const { t } = useTranslation();
  return (
    <Box
      role="status"
      data-testid={testIds.trainingBanner}
      px="md"
      py={6}
      fw={800}
      fz="lg"
      ta="center"
      style={{
        color: '#111',
        letterSpacing: '0.04em',
        background: 'repeating-linear-gradient(135deg, #ffd43b 0 24px, #fcc419 24px 48px)',
        borderBottom: '3px solid #111',
      }}
    >
      {t('banner.training')}
    </Box>
  );
}
