import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';
import type { ServingStation } from '../helpers/cli.js';
import { fakePng } from '../helpers/enrollment.js';
import { resident } from '../helpers/central.js';
import { samplePhoto, sampleSignature } from '../helpers/print.js';

/** One call over the station's HTTP API, as a script would make it; a refusal throws with its error. */
export async function api<T>(station: ServingStation, method: string, params: unknown, session: string | null): Promise<T> {
  const response = await fetch(`${station.url.split('#')[0]?.replace(/\/$/, '')}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${station.token}`, 'content-type': 'application/json', ...(session === null ? {} : { 'x-station-session': session }) },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as T & { error?: unknown };
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body;
}

/**
 * Records `count` residents (resident(1) … resident(count)) with a real face photo and signature on
 * a training station, as a supervisor session over the API: training's central marks them
 * print-ready and the sync worker prefetches them into the desk's queue. Returns that session.
 */
export async function recordPrintReady(station: ServingStation, count: number): Promise<string> {
  const { sessionId } = await api<{ sessionId: string }>(station, 'session.startTraining', { role: 'supervisor' }, null);
  for (let n = 1; n <= count; n += 1) {
    const draft = await api<{ id: string }>(station, 'enrollment.startDraft', { demographics: resident(n) }, sessionId);
    for (const { modality, position } of REQUIRED_CAPTURES) {
      const bytes = modality === 'FACE' ? samplePhoto(n) : modality === 'SIGNATURE' ? sampleSignature(n) : fakePng(96);
      await api(station, 'enrollment.addCapture', { id: draft.id, modality, position, quality: 80, image: { format: 'PNG', base64: bytes.toString('base64') } }, sessionId);
    }
    await api(station, 'enrollment.commit', { id: draft.id }, sessionId);
  }
  return sessionId;
}
