import { useCallback, useEffect, useRef, useState } from 'react';

export type CameraState =
  | { kind: 'looking' }
  | { kind: 'none'; reason: string | null }
  | { kind: 'starting'; cameras: MediaDeviceInfo[]; deviceId: string }
  | { kind: 'live'; cameras: MediaDeviceInfo[]; deviceId: string; stream: MediaStream }
  | { kind: 'failed'; cameras: MediaDeviceInfo[]; deviceId: string; reason: string };

const PREFERRED_DEVICE = 'ktp.camera.deviceId';

async function videoInputs(): Promise<MediaDeviceInfo[]> {
  if (typeof navigator.mediaDevices === 'undefined') return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
}

function stop(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * The face camera through getUserMedia: finds the cameras, opens the chosen one (remembered for
 * the next resident), and closes it when the step is left. No camera → `none`, and the step
 * falls back to the training sample.
 */
export function useCamera() {
  const [state, setState] = useState<CameraState>({ kind: 'looking' });
  const current = useRef<MediaStream | null>(null);

  const open = useCallback(async (cameras: MediaDeviceInfo[], deviceId: string) => {
    stop(current.current);
    current.current = null;
    setState({ kind: 'starting', cameras, deviceId });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { deviceId: deviceId === '' ? undefined : { exact: deviceId }, width: { ideal: 1280 }, height: { ideal: 960 } },
        audio: false,
      });
      current.current = stream;
      // Labels are given only once a camera is allowed: ask again for the picker.
      const named = await videoInputs();
      const chosen = stream.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
      setState({ kind: 'live', cameras: named.length > 0 ? named : cameras, deviceId: chosen, stream });
      localStorage.setItem(PREFERRED_DEVICE, chosen);
    } catch (error: unknown) {
      setState({ kind: 'failed', cameras, deviceId, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }, []);

  useEffect(() => {
    let alive = true;
    videoInputs().then(
      (cameras) => {
        if (!alive) return;
        if (cameras.length === 0) {
          setState({ kind: 'none', reason: null });
          return;
        }
        const preferred = localStorage.getItem(PREFERRED_DEVICE);
        const start = cameras.find((c) => c.deviceId === preferred)?.deviceId ?? cameras[0]?.deviceId ?? '';
        void open(cameras, start);
      },
      (error: unknown) => alive && setState({ kind: 'none', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
      stop(current.current);
      current.current = null;
    };
  }, [open]);

  return { state, choose: (cameras: MediaDeviceInfo[], deviceId: string) => void open(cameras, deviceId) };
}
