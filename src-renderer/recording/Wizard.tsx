import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload, StationMode } from '../../src-main/contract/index.js';
import type { EnrollmentView, WizardStep } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { toErrorPayload } from '../client/station-client';
import { ErrorAlert } from '../shell/ErrorAlert';
import { TEST_IDS, wizardStepTestId } from '../testids';
import { CaptureStep } from './CaptureStep';
import { DemographicsStep } from './DemographicsStep';
import { isCaptureStep, stepOfModality, WIZARD_STEPS } from './options';
import type { Step } from './options';
import { usePreviews } from './previews';
import { ReviewStep } from './ReviewStep';
import { SavedPanel, SaveStep } from './SaveStep';

interface WizardProps {
  client: StationClient;
  mode: StationMode;
  /** A draft to resume (at its stored step), or null for a new resident. */
  initial: EnrollmentView | null;
  onClose: () => void;
  /** "Rekam penduduk berikutnya". */
  onNextResident: () => void;
}

const storedStep = (step: Step): WizardStep => (step === 'SIMPAN' ? 'TINJAU' : step);

/**
 * The recording wizard: Data Penduduk → Foto → Sidik Jari → Iris → Tanda Tangan → Tinjau → Simpan.
 * The draft lives in the station from the first "Lanjut"; each move saves the step it is at
 * (enrollment.updateDraft), so a draft resumes where it was left, even after a restart.
 */
export function Wizard({ client, mode, initial, onClose, onNextResident }: WizardProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<EnrollmentView | null>(initial);
  const [step, setStep] = useState<Step>(initial?.wizardStep ?? 'DATA');
  const [saved, setSaved] = useState<EnrollmentView | null>(null);
  const [error, setError] = useState<StationErrorPayload | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const previews = usePreviews(client, view?.id ?? null);

  const goTo = (target: Step) => {
    setError(null);
    setStep(target);
    if (view === null || view.status !== 'DRAFT' || storedStep(target) === view.wizardStep) return;
    client.call('enrollment.updateDraft', { id: view.id, wizardStep: storedStep(target) }).then(
      (next) => setView(next),
      (thrown: unknown) => setError(toErrorPayload(thrown, 'enrollment.updateDraft')),
    );
  };

  // Each step starts at the top of the page (the stepper and the step's title), wherever focus went.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [step, saved]);

  const index = WIZARD_STEPS.indexOf(step);
  const previous = WIZARD_STEPS[index - 1];
  const following = WIZARD_STEPS[index + 1];

  let panel;
  if (saved !== null) {
    panel = <SavedPanel client={client} view={saved} onNext={onNextResident} />;
  } else if (step === 'DATA' || view === null) {
    panel = (
      <DemographicsStep
        client={client}
        view={view}
        onAccepted={(next) => {
          setView(next);
          setStep('FOTO');
        }}
        onError={setError}
        onClose={onClose}
      />
    );
  } else if (step === 'SIMPAN') {
    panel = (
      <SaveStep
        client={client}
        view={view}
        onCommitted={(committed) => {
          setError(null);
          setView(committed);
          setSaved(committed);
        }}
        onRefused={(refusal, fresh) => {
          setError(refusal);
          if (fresh !== null) setView(fresh);
          if (refusal.code === 'CAPTURES_MISSING') setStep('TINJAU');
        }}
        onBack={() => goTo('TINJAU')}
      />
    );
  } else {
    panel = (
      <Stack gap="lg">
        {isCaptureStep(step) ? (
          <CaptureStep
            key={step}
            client={client}
            mode={mode}
            step={step}
            view={view}
            previews={previews}
            onView={setView}
            onError={setError}
            nextRef={nextRef}
          />
        ) : (
          <ReviewStep view={view} previews={previews} onGoTo={goTo} />
        )}
        <Group justify="space-between">
          <Group>
            {previous !== undefined && (
              <Button variant="default" size="md" onClick={() => goTo(previous)} data-testid={TEST_IDS.wizardBack}>
                {t('recording.wizard.back')}
              </Button>
            )}
            <Button variant="subtle" size="md" onClick={onClose} data-testid={TEST_IDS.wizardClose}>
              {t('recording.wizard.close')}
            </Button>
          </Group>
          {following !== undefined && (
            <Button
              ref={nextRef}
              size="lg"
              onClick={() => goTo(following)}
              autoFocus={step === 'TINJAU'}
              data-testid={TEST_IDS.wizardNext}
            >
              {t('recording.wizard.next')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const canJump = view !== null && saved === null;
  const openByStep = new Map<Step, number>();
  for (const m of view?.missing ?? []) openByStep.set(stepOfModality(m.modality), (openByStep.get(stepOfModality(m.modality)) ?? 0) + 1);
  const panelStep = saved !== null ? 'SIMPAN' : step;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stepper
          active={saved !== null ? WIZARD_STEPS.length : index}
          onStepClick={(target) => {
            const next = WIZARD_STEPS[target];
            if (canJump && next !== undefined) goTo(next);
          }}
          size="sm"
          aria-label={t('recording.wizard.stepsLabel')}
        >
          {WIZARD_STEPS.map((s, at) => {
            // A capture step the operator walked past with positions still open is not shown done.
            const open = saved === null && at < index ? (openByStep.get(s) ?? 0) : 0;
            return (
              <Stepper.Step
                key={s}
                label={t(`recording.steps.${s}`)}
                allowStepSelect={canJump && s !== step}
                data-open={open}
                {...(open > 0 ? { color: 'orange', completedIcon: <Text fw={800}>!</Text>, description: t('recording.wizard.stepOpen', { count: open }) } : {})}
              />
            );
          })}
        </Stepper>
      </Paper>
      {saved === null && view !== null && view.status === 'DRAFT' && view.statusReason !== null && (
        <Alert color="red" variant="light" title={t('recording.returned.wizardTitle')} data-testid={TEST_IDS.wizardReturnedReason}>
          <Text fw={700}>{t('recording.returned.wizardBody', { reason: view.statusReason })}</Text>
          <Text fz="sm">{t('recording.returned.wizardHint')}</Text>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Paper withBorder p="lg" radius="md" data-testid={wizardStepTestId(panelStep)} aria-labelledby="ktp-wizard-step-title">
        <Group justify="space-between" mb="md" align="baseline">
          <Title order={2} fz="xl" id="ktp-wizard-step-title">
            {t(`recording.steps.${panelStep}`)}
          </Title>
          <Text ff="monospace" fw={700} data-testid={TEST_IDS.wizardRegistrationNo}>
            {view === null ? t('recording.wizard.newRecord') : t('recording.wizard.registration', { registrationNo: view.registrationNo })}
          </Text>
        </Group>
        {panel}
      </Paper>
    </Stack>
  );
}
