import type { RegionNames } from '../../reference/regions.js';
import { StationError } from '../../core/station-error.js';
import { open } from '../../security/sealed-bytes.js';
import type { StationStore } from '../../store/station-store.js';
import { cardTextOf } from '../layout/card-data.js';
import { composeCardFace } from '../layout/card-layout.js';
import type { ComposedCard } from '../layout/card-layout.js';

/** Composes the card of one cached print-ready record: demographics checked, images unsealed. */
export async function composeRecordCard(deps: { store: StationStore; dataKey: Buffer; regionNames: RegionNames; now: () => Date }, enrollmentId: string): Promise<ComposedCard> {
  const material = deps.store.printDesk.queue.material(enrollmentId);
  if (material === undefined) throw new StationError('NOT_FOUND', { details: { enrollmentId, what: 'print-ready record' } });
  const unseal = (bytes: Buffer) => {
    try {
      return open(deps.dataKey, bytes, enrollmentId);
    } catch (cause: unknown) {
      throw new StationError('SEALED_DATA_UNREADABLE', { details: { enrollmentId }, cause });
    }
  };
  const text = cardTextOf({
    nik: material.nik,
    demographicsJson: material.demographicsJson,
    provinceName: deps.regionNames.province,
    regencyName: deps.regionNames.regency,
    issuedAt: deps.now(),
  });
  return composeCardFace(
    text,
    { bytes: unseal(material.photo), format: material.photoFormat },
    material.signature === null || material.signatureFormat === null ? null : { bytes: unseal(material.signature), format: material.signatureFormat },
  );
}
