import { useCallback, useRef, useState } from 'react';
import type { CaptureSummary } from '../../src-main/contract/captures.js';
import type { StationClient } from '../client/station-client';

/** A preview as an <img> source: a data: URL (the CSP allows data: images). */
export function dataUrl(preview: { mime: string; base64: string }): string {
  return `data:${preview.mime};base64,${preview.base64}`;
}

export const previewKey = (position: string, attempt: number): string => `${position}:${attempt}`;

export interface Previews {
  /** key → data URL, or null when the station has no browser preview for that image (JPEG 2000, WSQ). */
  readonly byKey: Readonly<Record<string, string | null>>;
  /** Keeps a preview that arrived with a capture, so it is not fetched again. */
  remember: (position: string, attempt: number, preview: { mime: string; base64: string } | null) => void;
  /** Fetches (once) the previews of these captures' images through enrollment.captureImage. */
  ensure: (captures: readonly CaptureSummary[]) => void;
}

/**
 * Capture previews of one record, fetched on demand and kept for the life of the screen.
 * A failed fetch leaves the thumbnail empty (the quality and status still show); it is not retried.
 */
export function usePreviews(client: StationClient, enrollmentId: string | null): Previews {
  const [byKey, setByKey] = useState<Record<string, string | null>>({});
  const requested = useRef(new Set<string>());

  const remember = useCallback((position: string, attempt: number, preview: { mime: string; base64: string } | null) => {
    const key = previewKey(position, attempt);
    requested.current.add(key);
    setByKey((previous) => ({ ...previous, [key]: preview === null ? null : dataUrl(preview) }));
  }, []);

  const ensure = useCallback(
    (captures: readonly CaptureSummary[]) => {
      if (enrollmentId === null) return;
      for (const capture of captures) {
        if (capture.format === null) continue;
        const key = previewKey(capture.position, capture.attempt);
        if (requested.current.has(key)) continue;
        requested.current.add(key);
        client
          .call('enrollment.captureImage', {
            id: enrollmentId,
            modality: capture.modality,
            position: capture.position,
            attempt: capture.attempt,
          })
          .then(
            (image) => setByKey((previous) => ({ ...previous, [key]: image.preview === null ? null : dataUrl(image.preview) })),
            () => setByKey((previous) => ({ ...previous, [key]: null })),
          );
      }
    },
    [client, enrollmentId],
  );

  return { byKey, remember, ensure };
}
