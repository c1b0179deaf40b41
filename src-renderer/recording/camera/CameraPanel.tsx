import { Alert, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../../testids';
import { FaceGuide } from './FaceGuide';
import { grabJpeg } from './grab-frame';
import { useCamera } from './use-camera';

export interface CameraStill {
  base64: string;
  width: number;
  height: number;
}

interface CameraPanelProps {
  training: boolean;
  busy: boolean;
  disabled: boolean;
  onCapture: (still: CameraStill) => void;
}

/** The Foto step's camera: picker, live preview with the face guide, capture. Without a camera it says what is used instead. */
export function CameraPanel({ training, busy, disabled, onCapture }: CameraPanelProps) {
  const { t } = useTranslation();
  const { state, choose } = useCamera();
  const video = useRef<HTMLVideoElement | null>(null);
  const stream = state.kind === 'live' ? state.stream : null;

  useEffect(() => {
    const element = video.current;
    if (element === null) return;
    element.srcObject = stream;
    if (stream !== null) void element.play().catch(() => undefined);
  }, [stream]);

  if (state.kind === 'looking') return null;
  if (state.kind === 'none') {
    return (
      <Alert color={training ? 'blue' : 'orange'} variant="light" title={t('diag.camera.noneTitle')} data-testid={TEST_IDS.cameraFallback} role="status">
        {training ? t('diag.camera.noneTraining') : t('diag.camera.noneProduction')}
      </Alert>
    );
  }
  const take = () => {
    const still = video.current === null ? null : grabJpeg(video.current);
    if (still !== null) onCapture(still);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid={TEST_IDS.cameraPanel}>
      <Stack gap="sm">
        <Group align="flex-end" justify="space-between">
          <NativeSelect
            label={t('diag.camera.pick')}
            value={state.deviceId}
            onChange={(event) => choose(state.cameras, event.currentTarget.value)}
            data={state.cameras.map((camera, i) => ({ value: camera.deviceId, label: camera.label === '' ? t('diag.camera.unnamed', { n: i + 1 }) : camera.label }))}
            data-testid={TEST_IDS.cameraSelect}
            miw={260}
          />
          <Button size="lg" onClick={take} loading={busy || state.kind === 'starting'} disabled={disabled || state.kind !== 'live'} data-testid={TEST_IDS.cameraCapture}>
            {t('diag.camera.capture')}
          </Button>
        </Group>
        <div style={{ position: 'relative', width: '100%', maxWidth: 420, aspectRatio: '3 / 4', background: '#212529', borderRadius: 8, overflow: 'hidden' }}>
          <video ref={video} muted playsInline autoPlay data-testid={TEST_IDS.cameraVideo} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          <FaceGuide testId={TEST_IDS.cameraGuide} label={t('diag.camera.guide')} />
        </div>
        <Text fz="sm" c="gray.8">
          {state.kind === 'failed' ? t('diag.camera.failed', { reason: state.reason }) : t('diag.camera.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
