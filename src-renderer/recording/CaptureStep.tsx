import { Alert, Badge, Button, Grid, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureException, CapturePosition, CaptureSummary } from '../../src-main/contract/captures.js';
import type { DeviceKind } from '../../src-main/contract/devices.js';
import type { StationErrorPayload, StationMode } from '../../src-main/contract/index.js';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { toErrorPayload } from '../client/station-client';
import { TEST_IDS, positionTestId } from '../testids';
import { CameraPanel } from './camera/CameraPanel';
import type { CameraStill } from './camera/CameraPanel';
import { QualityBadge, Thumb, qualityColor, slotCaptures } from './CaptureSlots';
import { CAPTURE_EXCEPTIONS, CAPTURE_STEPS, FINGER_NAMES, LEFT_HAND, RIGHT_HAND } from './options';
import type { CaptureStepKey, Slot } from './options';
import { previewKey } from './previews';
import { DeviceStateBadge } from '../devices/DeviceStateBadge';
import { useDevices } from '../devices/use-devices';
import type { Previews } from './previews';

interface CaptureStepProps {
  client: StationClient;
  mode: StationMode;
  step: CaptureStepKey;
  view: EnrollmentView;
  previews: Previews;
  onView: (view: EnrollmentView) => void;
  onError: (error: StationErrorPayload | null) => void;
  /** Where focus goes once every position of the step is done ("Lanjut"). */
  nextRef: RefObject<HTMLButtonElement | null>;
}

const MAX_ATTEMPTS = 3;
const FINGERS = [...RIGHT_HAND, ...LEFT_HAND];
const IRISES = ['RIGHT_IRIS', 'LEFT_IRIS'] as const;

/** The core's device for each capture step; the face camera belongs to the window. */
const DEVICE_OF_STEP: Readonly<Record<CaptureStepKey, DeviceKind | null>> = { FOTO: null, SIDIK_JARI: 'fingerprint', IRIS: 'iris', TANDA_TANGAN: 'signature' };

/** One position from its device (sensor, iris camera, pad); null when the position is not that device's. */
async function captureFromDevice(
  client: StationClient,
  position: CapturePosition,
  enrollmentId: string,
  deviceId: string,
): Promise<{ capture: CaptureSummary; preview: { mime: string; base64: string } | null } | null> {
  const finger = FINGERS.find((p) => p === position);
  if (finger !== undefined) return client.call('devices.captureFingerprint', { enrollmentId, position: finger, deviceId });
  const iris = IRISES.find((p) => p === position);
  if (iris !== undefined) return client.call('devices.captureIris', { enrollmentId, position: iris, deviceId });
  if (position === 'SIGNATURE') return client.call('devices.captureSignature', { enrollmentId, deviceId });
  return null;
}

function firstOpen(slots: readonly Slot[], captures: readonly CaptureSummary[]): number {
  const index = slots.findIndex((slot) => slotCaptures(captures, slot).chosen === undefined);
  return index === -1 ? 0 : index;
}

/** The next position after `from` (wrapping) that has nothing kept yet; null when all are done. */
function nextOpen(slots: readonly Slot[], captures: readonly CaptureSummary[], from: number): number | null {
  for (let step = 1; step <= slots.length; step += 1) {
    const index = (from + step) % slots.length;
    const slot = slots[index];
    if (slot !== undefined && slotCaptures(captures, slot).chosen === undefined) return index;
  }
  return null;
}

/**
 * One capture step (Foto, Sidik Jari, Iris, Tanda Tangan): the positions as tiles (fingers in a
 * 2×5 grid, right hand then left), the highlighted position's latest image and quality, up to 3
 * attempts per position, and an exception instead of an image.
 *
 * Keyboard: focus starts on the first open position; Enter on a position captures it ("Ambil"),
 * Space selects it, Tab moves between positions. After a capture focus moves to the next open
 * position (or stays for a retake when the quality is red), then to "Lanjut".
 *
 * Sidik Jari, Iris and Tanda Tangan take their images from the configured device of the step
 * (`devices.captureFingerprint` / `captureIris` / `captureSignature`; in training mode simulators
 * speaking the same protocols), showing the device's state. The Foto step has the face camera
 * (getUserMedia) in every mode; with no camera, training mode keeps the sample and says so. A
 * step with no device configured takes training mode's images from `training.sampleCapture`;
 * production mode says so and captures nothing.
 */
export function CaptureStep({ client, mode, step, view, previews, onView, onError, nextRef }: CaptureStepProps) {
  const { t } = useTranslation();
  const slots = CAPTURE_STEPS[step];
  const [initial] = useState(() => firstOpen(slots, view.captures));
  const [current, setCurrent] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [exceptionOpen, setExceptionOpen] = useState(false);
  const [reason, setReason] = useState<CaptureException>('TIDAK_DAPAT_DIREKAM');
  const tiles = useRef(new Map<string, HTMLButtonElement>());
  const training = mode === 'training';
  const devices = useDevices(client);
  const deviceKind = DEVICE_OF_STEP[step];
  const sensor = deviceKind === null ? undefined : devices?.find((d) => d.kind === deviceKind);
  const fromSensor = sensor !== undefined;
  const canCapture = training || fromSensor;

  const { ensure } = previews;
  useEffect(() => {
    ensure(view.captures.filter((c) => slots.some((slot) => slot.position === c.position)));
  }, [ensure, view.captures, slots]);

  const slot = slots[current] ?? slots[0];
  if (slot === undefined) return null;
  const { attempts, chosen } = slotCaptures(view.captures, slot);
  const latest = attempts.at(-1);
  const done = slots.filter((s) => slotCaptures(view.captures, s).chosen !== undefined).length;
  const label = (s: Slot) => t(`recording.positions.${s.position}`);

  const focusTile = (index: number) => {
    const target = slots[index];
    if (target !== undefined) tiles.current.get(target.position)?.focus();
  };

  /** After a stored capture: refresh the record, then move on (or stay for a retake). */
  const afterCapture = async (index: number, stayForRetake: boolean) => {
    const next = await client.call('enrollment.get', { id: view.id });
    onView(next);
    const target = slots[index];
    const attemptsNow = target === undefined ? 0 : slotCaptures(next.captures, target).attempts.length;
    if (stayForRetake && attemptsNow < MAX_ATTEMPTS) {
      focusTile(index);
      return;
    }
    const following = nextOpen(slots, next.captures, index);
    if (following === null) {
      nextRef.current?.focus();
    } else {
      setCurrent(following);
      focusTile(following);
    }
  };

  const capture = async (index: number) => {
    const target = slots[index];
    if (!canCapture || busy || target === undefined) return;
    const tried = slotCaptures(view.captures, target).attempts.length;
    if (tried >= MAX_ATTEMPTS) return;
    setBusy(true);
    onError(null);
    if (fromSensor) {
      const method = step === 'SIDIK_JARI' ? 'devices.captureFingerprint' : step === 'IRIS' ? 'devices.captureIris' : 'devices.captureSignature';
      try {
        const result = await captureFromDevice(client, target.position, view.id, sensor.id);
        if (result !== null) {
          previews.remember(result.capture.position, result.capture.attempt, result.preview);
          await afterCapture(index, result.capture.belowThreshold);
        }
      } catch (thrown: unknown) {
        onError(toErrorPayload(thrown, method));
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      const sample = await client.call('training.sampleCapture', { modality: target.modality, position: target.position, attempt: tried + 1 });
      const summary = await client.call('enrollment.addCapture', {
        id: view.id,
        modality: target.modality,
        position: target.position,
        quality: sample.quality,
        image: {
          format: sample.format,
          base64: sample.base64,
          ...(sample.width === null ? {} : { width: sample.width }),
          ...(sample.height === null ? {} : { height: sample.height }),
        },
      });
      previews.remember(summary.position, summary.attempt, sample.preview);
      await afterCapture(index, summary.belowThreshold);
    } catch (thrown: unknown) {
      onError(toErrorPayload(thrown, 'enrollment.addCapture'));
    } finally {
      setBusy(false);
    }
  };

  /** The face from the camera (any mode): a JPEG still through the same capture path; no quality score is made up for it. */
  const captureFromCamera = async (still: CameraStill) => {
    const target = slots[current];
    if (busy || target === undefined || slotCaptures(view.captures, target).attempts.length >= MAX_ATTEMPTS) return;
    setBusy(true);
    onError(null);
    try {
      const summary = await client.call('enrollment.addCapture', {
        id: view.id,
        modality: target.modality,
        position: target.position,
        image: { format: 'JPEG', base64: still.base64, width: still.width, height: still.height },
      });
      previews.remember(summary.position, summary.attempt, { mime: 'image/jpeg', base64: still.base64 });
      await afterCapture(current, false);
    } catch (thrown: unknown) {
      onError(toErrorPayload(thrown, 'enrollment.addCapture'));
    } finally {
      setBusy(false);
    }
  };

  const recordException = async () => {
    setExceptionOpen(false);
    setBusy(true);
    onError(null);
    try {
      await client.call('enrollment.addCapture', { id: view.id, modality: slot.modality, position: slot.position, exceptionReason: reason });
      await afterCapture(current, false);
    } catch (thrown: unknown) {
      onError(toErrorPayload(thrown, 'enrollment.addCapture'));
    } finally {
      setBusy(false);
    }
  };

  const onTileKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setCurrent(index);
    void capture(index);
  };

  /** A tile; `shortLabel` is the finger's name alone (the grid row names the hand). */
  const tile = (s: Slot, index: number, shortLabel?: string) => {
    const kept = slotCaptures(view.captures, s).chosen;
    const isCurrent = index === current;
    const src = kept === undefined ? undefined : previews.byKey[previewKey(kept.position, kept.attempt)];
    return (
      <UnstyledButton
        key={s.position}
        ref={(element: HTMLButtonElement | null) => {
          if (element === null) tiles.current.delete(s.position);
          else tiles.current.set(s.position, element);
        }}
        onClick={() => setCurrent(index)}
        onKeyDown={(event) => onTileKey(event, index)}
        autoFocus={index === initial}
        aria-pressed={isCurrent}
        aria-label={`${label(s)}: ${kept === undefined ? t('recording.capture.notCaptured') : kept.exceptionReason === null ? `${t('recording.capture.quality')} ${kept.quality ?? '—'}` : t(`recording.exceptions.${kept.exceptionReason}`)}`}
        data-testid={positionTestId(s.modality, s.position)}
        data-current={isCurrent}
        data-done={kept !== undefined}
        style={{
          display: 'block',
          padding: 8,
          borderRadius: 8,
          background: isCurrent ? 'var(--mantine-color-blue-0)' : '#fff',
          border: isCurrent ? '3px solid var(--mantine-color-blue-8)' : kept === undefined ? '2px dashed #adb5bd' : '2px solid var(--mantine-color-green-7)',
        }}
      >
        <Stack gap={4}>
          <Text fz="sm" fw={isCurrent ? 800 : 600} lh={1.2} h="2.4em" style={{ overflow: 'hidden' }}>
            {shortLabel ?? label(s)}
          </Text>
          <Thumb src={src} alt="" height={step === 'SIDIK_JARI' ? 64 : 96} />
          {kept === undefined && (
            <Badge color="gray" variant="light" size="md">
              {t('recording.capture.notCaptured')}
            </Badge>
          )}
          {kept?.quality != null && (
            <Badge color={qualityColor(kept.quality)} variant="filled" size="lg" aria-hidden>
              {kept.quality}
            </Badge>
          )}
          {kept?.exceptionReason != null && (
            <Badge color="grape" variant="filled" size="md" aria-hidden styles={{ label: { overflow: 'visible' } }} fz={11}>
              {t(`recording.exceptions.${kept.exceptionReason}`)}
            </Badge>
          )}
        </Stack>
      </UnstyledButton>
    );
  };

  const positions =
    step === 'SIDIK_JARI' ? (
      <Stack gap="sm">
        {[
          { title: t('recording.capture.rightHand'), hand: RIGHT_HAND, offset: 0 },
          { title: t('recording.capture.leftHand'), hand: LEFT_HAND, offset: RIGHT_HAND.length },
        ].map(({ title, hand, offset }) => (
          <div key={title} role="group" aria-label={title}>
            <Text fw={700} mb={4}>
              {title}
            </Text>
            <SimpleGrid cols={5} spacing="xs">
              {hand.map((_, i) => {
                const s = slots[offset + i];
                const finger = FINGER_NAMES[i];
                return s === undefined ? null : tile(s, offset + i, finger === undefined ? undefined : t(`recording.fingers.${finger}`));
              })}
            </SimpleGrid>
          </div>
        ))}
      </Stack>
    ) : (
      <SimpleGrid cols={Math.min(slots.length, 2)} spacing="sm" maw={slots.length === 1 ? 220 : 440}>
        {slots.map((s, i) => tile(s, i))}
      </SimpleGrid>
    );

  const latestSrc = latest === undefined ? undefined : previews.byKey[previewKey(latest.position, latest.attempt)];

  return (
    <Stack gap="md">
      {fromSensor ? (
        <Stack gap={4}>
          <DeviceStateBadge device={sensor} />
          <Text fz="sm" c="gray.7">
            {step === 'SIDIK_JARI' ? t('devices.fromSensor') : step === 'IRIS' ? t('devices.fromIrisCamera') : t('devices.fromSignaturePad')}
          </Text>
        </Stack>
      ) : training ? (
        <Text fz="sm" c="gray.7">
          {t('recording.capture.trainingSample')}
        </Text>
      ) : (
        <Alert color="orange" variant="light" title={t('recording.capture.noDevicesTitle')} role="status">
          {t('recording.capture.noDevices')}
        </Alert>
      )}
      {step === 'FOTO' && (
        <CameraPanel training={training} busy={busy} disabled={attempts.length >= MAX_ATTEMPTS} onCapture={(still) => void captureFromCamera(still)} />
      )}
      <Group justify="space-between">
        <Text fw={700} data-testid={TEST_IDS.captureProgress} aria-live="polite">
          {t('recording.capture.progress', { done, total: slots.length })}
        </Text>
        <Text fz="sm" c="gray.7">
          {t('recording.capture.keyHint')}
        </Text>
      </Group>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: step === 'SIDIK_JARI' ? 8 : 6 }}>{positions}</Grid.Col>
        <Grid.Col span={{ base: 12, md: step === 'SIDIK_JARI' ? 4 : 6 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={3} fz="lg" aria-live="polite">
                {t('recording.capture.current', { position: label(slot) })}
              </Title>
              <Thumb
                src={latestSrc}
                alt={latest === undefined ? '' : t('recording.capture.previewAlt', { position: label(slot), attempt: latest.attempt })}
                height={step === 'SIDIK_JARI' ? 220 : 240}
                testId={TEST_IDS.capturePreview}
              />
              <Group gap="xs" aria-live="polite">
                {latest?.quality != null && <QualityBadge quality={latest.quality} testId={TEST_IDS.captureQuality} size="xl" />}
                {chosen?.exceptionReason != null && (
                  <Badge color="grape" variant="filled" size="xl">
                    {t('recording.capture.exceptionRecorded', { reason: t(`recording.exceptions.${chosen.exceptionReason}`) })}
                  </Badge>
                )}
                {latest === undefined && <Text c="gray.7">{t('recording.capture.notCaptured')}</Text>}
              </Group>
              {attempts.length > 0 && (
                <Group gap="xs">
                  <Text fz="sm">{t('recording.capture.attempts', { count: attempts.length })}</Text>
                  {attempts.map((a) => (
                    <Badge
                      key={a.attempt}
                      variant={a.chosen ? 'filled' : 'outline'}
                      color={a.chosen ? 'blue' : 'gray'}
                      size="md"
                      title={a.chosen ? t('recording.capture.chosen') : undefined}
                    >
                      #{a.attempt} {a.quality ?? (a.exceptionReason === null ? '' : t(`recording.exceptions.${a.exceptionReason}`))}
                      {a.chosen ? ` ✓ ${t('recording.capture.chosen')}` : ''}
                    </Badge>
                  ))}
                </Group>
              )}
              {latest?.belowThreshold === true && (
                <Alert color="red" variant="light" role="status" data-testid={TEST_IDS.qualityBelowThreshold}>
                  {attempts.length < MAX_ATTEMPTS ? t('quality.belowThresholdRetake') : t('quality.belowThresholdLast')}
                </Alert>
              )}
              {attempts.length >= MAX_ATTEMPTS && <Text fz="sm">{t('recording.capture.noMoreAttempts')}</Text>}
              {fromSensor && busy && (
                <Alert color="blue" variant="light" role="status" data-testid={TEST_IDS.devicePrompt}>
                  {step === 'SIDIK_JARI'
                    ? t('devices.placeFinger', { position: label(slot) })
                    : step === 'IRIS'
                      ? t('devices.lookIntoCamera', { position: label(slot) })
                      : t('devices.signOnPad')}
                </Alert>
              )}
              <Group>
                {canCapture && (
                  <Button
                    size="lg"
                    onClick={() => void capture(current)}
                    loading={busy}
                    disabled={attempts.length >= MAX_ATTEMPTS}
                    data-testid={TEST_IDS.captureButton}
                  >
                    {attempts.length === 0 ? t('recording.capture.take') : t('recording.capture.retake')}
                  </Button>
                )}
                <Button
                  variant="outline"
                  color="grape"
                  onClick={() => setExceptionOpen(true)}
                  disabled={busy || attempts.length >= MAX_ATTEMPTS}
                  data-testid={TEST_IDS.exceptionButton}
                >
                  {t('recording.capture.exception')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      <Modal
        opened={exceptionOpen}
        onClose={() => {
          setExceptionOpen(false);
          focusTile(current);
        }}
        title={<Text fw={800}>{t('recording.capture.exceptionTitle', { position: label(slot) })}</Text>}
        centered
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void recordException();
          }}
        >
          <Stack gap="md">
            <Text fz="sm">{t('recording.capture.exceptionHelp')}</Text>
            <NativeSelect
              label={t('recording.capture.exceptionReason')}
              size="md"
              value={reason}
              onChange={(event) => {
                const value = CAPTURE_EXCEPTIONS.find((r) => r === event.currentTarget.value);
                if (value !== undefined) setReason(value);
              }}
              data={CAPTURE_EXCEPTIONS.map((value) => ({ value, label: t(`recording.exceptions.${value}`) }))}
              data-autofocus
              data-testid={TEST_IDS.exceptionReason}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setExceptionOpen(false)}>
                {t('recording.capture.exceptionCancel')}
              </Button>
              <Button type="submit" color="grape" data-testid={TEST_IDS.exceptionSave}>
                {t('recording.capture.exceptionSave')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
