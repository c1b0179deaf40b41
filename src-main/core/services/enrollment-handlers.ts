import type { StationMode } from '../../contract/status.js';
import { previewPayload } from '../../biometrics/preview.js';
import type { Actor, EnrollmentService } from '../../recording/enrollment-service.js';
import { renderReceipt } from '../../recording/receipt.js';
import type { StationSetup } from '../config/profile.js';
import { sampleCapture } from '../../sim/sample-captures.js';
import { scoreCapture } from '../../recording/capture-quality.js';
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
  | 'enrollment.receipt'
  | 'dashboard.summary'
  | 'enrollment.returned'
  | 'enrollment.reopen'
  | 'training.sampleCapture';

function actorOf(context: { operator: { id: string; role: string } | null }): Actor {
  // The dispatcher only calls these with a signed-in operator (their roles exclude anyone).
  if (context.operator === null) throw new Error('enrollment methods need a signed-in operator');
  return { id: context.operator.id, role: context.operator.role };
}

export function enrollmentHandlers(service: EnrollmentService, setup: StationSetup): HandlerGroup<EnrollmentMethod> {
  const mode: StationMode = setup.mode;
  return {
    'enrollment.startDraft': (params, context) => service.startDraft(params, actorOf(context)),
    'enrollment.updateDraft': (params) => service.updateDraft(params),
    'enrollment.addCapture': (params, context) => service.addCapture(params, actorOf(context)),
    'enrollment.commit': ({ id }, context) => service.commit(id, actorOf(context)),
    'enrollment.get': ({ id }) => service.get(id),
    'enrollment.captureImage': (params) => service.captureImage(params),
    'enrollment.search': (params) => service.search(params),
    'enrollment.returned': ({ limit }) => ({ items: service.returned(limit) }),
    'enrollment.reopen': ({ id }, context) => service.reopen(id, actorOf(context)),
    'dashboard.summary': () => service.dashboard(setup.profile.dailyTarget),
    'enrollment.receipt': async ({ id }, context) => {
      const view = service.get(id);
      if (view.status === 'DRAFT') {
        throw new StationError('ILLEGAL_TRANSITION', {
          message: {
            id: 'Tanda terima hanya untuk rekaman yang sudah tersimpan. Simpan rekaman terlebih dahulu.',
            en: 'A receipt is only for a saved record. Save the record first.',
          },
          details: { id, status: view.status },
        });
      }
      const pdf = await renderReceipt(view, {
        stationId: setup.profile.stationId,
        provinceName: setup.regionNames.province,
        regencyName: setup.regionNames.regency,
        districtName: setup.regionNames.district,
        operatorName: context.operator?.displayName ?? '-',
        printedAt: new Date(),
      });
      return { fileName: `tanda-terima-${view.registrationNo}.pdf`, pdfBase64: pdf.toString('base64') };
    },
    'training.sampleCapture': ({ modality, position, attempt }) => {
      if (mode !== 'training') {
        throw new StationError('TRAINING_ONLY', { details: { method: 'training.sampleCapture', hint: 'capture from the device' } });
      }
      const sample = sampleCapture(modality, position, attempt);
      return {
        format: sample.format,
        base64: sample.bytes.toString('base64'),
        width: sample.width,
        height: sample.height,
        // The score the station will give it (the same check addCapture runs).
        quality: scoreCapture(modality, sample.format, sample.bytes, sample.width, sample.height) ?? sample.quality,
        preview: previewPayload(sample.format, sample.bytes, sample.width, sample.height),
      };
    },
  };
}
