import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../testids';

/** MODE PELATIHAN across the top of every screen while the station runs without a config file. */
export function TrainingBanner() {
  const { t } = useTranslation();
  return (
    <div className="ktp-training-banner" role="status" data-testid={TEST_IDS.trainingBanner}>
      <div className="ktp-training-banner__label">
        <span className="ktp-training-banner__title">{t('banner.title')}</span>
        <span className="ktp-training-banner__detail">{t('banner.detail')}</span>
      </div>
    </div>
  );
}
