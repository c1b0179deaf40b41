import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import { Fact } from '../pages/InfoPage';
import { TEST_IDS } from '../testids';
import { CaptureSlotsGrid } from './CaptureSlots';
import { DEMOGRAPHICS_FIELDS, stepOfModality } from './options';
import type { Step } from './options';
import type { Previews } from './previews';
import { SupervisorReview } from './SupervisorReview';

/** The resident's data as a facts table (review, record detail). */
export function DemographicsSummary({ view }: { view: EnrollmentView }) {
  const { t } = useTranslation();
  const values: Record<string, string> = { ...view.demographics, nik: view.nik };
  return (
    <Table className="ktp-facts" verticalSpacing={6} horizontalSpacing="md" striped>
      <Table.Tbody>
        {DEMOGRAPHICS_FIELDS.map((field) => (
          <Fact key={field} label={t(`recording.fields.${field}`)}>
            {values[field] ?? '—'}
          </Fact>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Tinjau: the 14 positions with thumbnails, quality and exceptions, the resident's data, and what
 * is still missing (from EnrollmentView.missing) with a jump back to its step.
 */
export function ReviewStep({ view, previews, onGoTo }: { view: EnrollmentView; previews: Previews; onGoTo: (step: Step) => void }) {
  const { t } = useTranslation();
  const missingSteps = [...new Set(view.missing.map((m) => stepOfModality(m.modality)))];
  return (
    <Stack gap="lg">
      {view.missing.length > 0 ? (
        <Alert color="red" variant="light" title={t('recording.review.missingTitle')} data-testid={TEST_IDS.reviewMissing} role="status">
          <Stack gap="sm">
            <Text>{t('recording.review.missingBody')}</Text>
            <List>
              {view.missing.map((m) => (
                <List.Item key={m.position}>
                  {t(`recording.positions.${m.position}`)} ({t(`recording.steps.${stepOfModality(m.modality)}`)})
                </List.Item>
              ))}
            </List>
            <Group>
              {missingSteps.map((step) => (
                <Button key={step} variant="outline" color="red" onClick={() => onGoTo(step)}>
                  {t('recording.review.goTo', { step: t(`recording.steps.${step}`) })}
                </Button>
              ))}
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Alert color="green" variant="light" role="status">
          <Text fw={700}>{t('recording.review.complete')}</Text>
        </Alert>
      )}
      <SupervisorReview view={view} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="lg" mb="sm">
          {t('recording.review.captures')}
        </Title>
        <CaptureSlotsGrid captures={view.captures} previews={previews} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            {t('recording.review.demographics')}
          </Title>
          <Button variant="subtle" onClick={() => onGoTo('DATA')}>
            {t('recording.review.editData')}
          </Button>
        </Group>
        <DemographicsSummary view={view} />
      </Paper>
    </Stack>
  );
}
