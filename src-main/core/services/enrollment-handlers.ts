import type { StationMode } from '../../contract/status.js';
import { previewImage } from '../../biometrics/preview.js';
import type { EnrollmentService } from '../../recording/enrollment-service.js';
import { sampleCapture } from '../../sim/sample-captures.js';
import { StationError } from '../station-error.js';
import type { HandlerGroup } from '../handlers.js';

type EnrollmentMethod =
  | 'enrollment.startDraft'
  | 'enrollment.updateDraft'
  | 'enrollment.addCapture'
  | 'enrollment.commit'
  | 'enrollment.get'
  | 'enrollment.captureImage'
  | 'enrollment.search'
  | 'training.sampleCapture';

function operatorId(context: { operator: { id: string } | null }): string {
  // The dispatcher only calls these with a signed-in operator (their roles exclude anyone).
  if (context.operator === null) throw new Error('enrollment methods need a signed-in operator');
  return context.operator.id;
}

export function enrollmentHandlers(service: EnrollmentService, mode: StationMode): HandlerGroup<EnrollmentMethod> {
  return {
    'enrollment.startDraft': (params, context) => service.startDraft(params, operatorId(context)),
    'enrollment.updateDraft': (params) => service.updateDraft(params),
    'enrollment.addCapture': (params, context) => service.addCapture(params, operatorId(context)),
    'enrollment.commit': ({ id }, context) => service.commit(id, operatorId(context)),
    'enrollment.get': ({ id }) => service.get(id),
    'enrollment.captureImage': (params) => service.captureImage(params),
    'enrollment.search': (params) => service.search(params),
    'training.sampleCapture': ({ modality, position, attempt }) => {
      if (mode !== 'training') {
        throw new StationError('TRAINING_ONLY', { details: { method: 'training.sampleCapture', hint: 'capture from the device' } });
      }
      const sample = sampleCapture(modality, position, attempt);
      const preview = previewImage(sample.format, sample.bytes, sample.width, sample.height);
      return {
        format: sample.format,
        base64: sample.bytes.toString('base64'),
        width: sample.width,
        height: sample.height,
        quality: sample.quality,
        preview: preview === null ? null : { mime: preview.mime, base64: preview.bytes.toString('base64') },
      };
    },
  };
}
