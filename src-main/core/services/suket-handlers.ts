import type { SuketService } from '../../print/suket/suket-service.js';
import { keyFingerprintOf, verifySuket } from '../../print/suket/suket-payload.js';
import type { StationSigningKey } from '../../security/signing-key.js';
import type { HandlerGroup } from '../handlers.js';
import { StationError } from '../station-error.js';

export function suketHandlers(deps: { suket: SuketService; signingKey: () => StationSigningKey }): HandlerGroup<'suket.issue' | 'suket.verify'> {
  return {
    'suket.issue': async ({ enrollmentId, paper }, context) => {
      if (context.operator === null) throw new StationError('SESSION_REQUIRED');
      const issued = await deps.suket.issue({ enrollmentId, paper }, { id: context.operator.id, role: context.operator.role, displayName: context.operator.displayName });
      return { id: issued.id, statusCode: issued.statusCode, payload: issued.payload, pdf: issued.pdf.toString('base64') };
    },
    'suket.verify': ({ payload }) => {
      const verified = verifySuket(payload);
      return { ...verified.claims, keyFingerprint: verified.keyFingerprint, byThisStation: verified.keyFingerprint === keyFingerprintOf(deps.signingKey().publicKey), expired: verified.expired };
    },
  };
}
