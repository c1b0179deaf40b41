import type { EnrollmentService } from '../../recording/enrollment-service.js';
import type { HandlerGroup } from '../handlers.js';

type EnrollmentMethod =
  | 'enrollment.startDraft'
  | 'enrollment.updateDraft'
  | 'enrollment.addCapture'
  | 'enrollment.commit'
  | 'enrollment.get'
  | 'enrollment.captureImage'
  | 'enrollment.search';

function operatorId(context: { operator: { id: string } | null }): string {
  // The dispatcher only calls these with a signed-in operator (their roles exclude anyone).
  if (context.operator === null) throw new Error('enrollment methods need a signed-in operator');
  return context.operator.id;
}

export function enrollmentHandlers(service: EnrollmentService): HandlerGroup<EnrollmentMethod> {
  return {
    'enrollment.startDraft': (params, context) => service.startDraft(params, operatorId(context)),
    'enrollment.updateDraft': (params) => service.updateDraft(params),
    'enrollment.addCapture': (params, context) => service.addCapture(params, operatorId(context)),
    'enrollment.commit': ({ id }, context) => service.commit(id, operatorId(context)),
    'enrollment.get': ({ id }) => service.get(id),
    'enrollment.captureImage': (params) => service.captureImage(params),
    'enrollment.search': (params) => service.search(params),
  };
}
