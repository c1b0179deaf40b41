import { monotonicFactory } from 'ulid';
import { StationError } from '../../core/station-error.js';
import type { EnrollmentService } from '../../recording/enrollment-service.js';
import { suketCode } from '../../recording/lifecycle.js';
import type { RegionNames } from '../../reference/regions.js';
import type { StationSigningKey } from '../../security/signing-key.js';
import type { StationStore } from '../../store/station-store.js';
import type { Actor } from '../desk/blanko-stock.js';
import { cardDate } from '../layout/card-data.js';
import { signSuket } from './suket-payload.js';
import type { SuketClaims } from './suket-payload.js';
import { renderSuket } from './suket-pdf.js';
import type { SuketPaper } from './suket-pdf.js';

const nextId = monotonicFactory();

export interface SuketDeps {
  store: StationStore;
  enrollments: EnrollmentService;
  signingKey: () => StationSigningKey;
  stationId: string;
  regionNames: RegionNames;
  validDays: number;
  now: () => Date;
}

/** Issues a Surat Keterangan for a resident recorded at this station whose card cannot be printed yet. */
export class SuketService {
  constructor(private readonly deps: SuketDeps) {}

  async issue(input: { enrollmentId: string; paper: SuketPaper }, actor: Actor & { displayName: string }): Promise<{ id: string; statusCode: SuketClaims['statusCode']; payload: string; pdf: Buffer }> {
    const view = this.deps.enrollments.get(input.enrollmentId);
    if (view.committedAt === null) {
      throw new StationError('ILLEGAL_TRANSITION', {
        message: { id: 'Rekaman ini belum disimpan; Suket hanya untuk rekaman yang sudah tersimpan.', en: 'This record is not saved yet; a Suket is only for a saved record.' },
        details: { enrollmentId: input.enrollmentId, status: view.status },
      });
    }
    const face = view.captures.find((c) => c.modality === 'FACE' && c.format !== null);
    if (face === undefined) {
      throw new StationError('CARD_IMAGE_UNUSABLE', {
        message: { id: 'Rekaman ini tidak memiliki foto; Suket memerlukan foto penduduk.', en: 'This record has no photo; a Suket needs the resident\'s photo.' },
        details: { enrollmentId: input.enrollmentId },
      });
    }
    const image = this.deps.enrollments.captureImage({ id: view.id, modality: 'FACE', position: face.position, attempt: face.attempt });
    if (image.format !== 'PNG' && image.format !== 'JPEG') throw new StationError('CARD_IMAGE_UNUSABLE', { details: { enrollmentId: input.enrollmentId, format: image.format } });
    const issuedAt = this.deps.now();
    const validUntil = new Date(issuedAt.getTime() + this.deps.validDays * 86_400_000).toISOString().slice(0, 10);
    const claims: SuketClaims = {
      id: `SKT-${nextId()}`,
      nik: view.nik,
      nama: view.demographics.nama,
      statusCode: suketCode(view.status),
      issuedAt: issuedAt.toISOString(),
      validUntil,
      stationId: this.deps.stationId,
      regency: this.deps.regionNames.regency,
      issuedBy: actor.displayName,
    };
    const key = this.deps.signingKey();
    const payload = signSuket(claims, key.privateKey, key.publicKey);
    const d = view.demographics;
    const pdf = await renderSuket({
      claims,
      payload,
      provinceName: this.deps.regionNames.province,
      regencyName: this.deps.regionNames.regency,
      paper: input.paper,
      photo: { bytes: Buffer.from(image.base64, 'base64'), format: image.format },
      demographics: [
        ['NIK', view.nik],
        ['Nama', d.nama],
        ['Tempat/Tgl Lahir', `${d.tempatLahir}, ${cardDate(d.tanggalLahir)}`],
        ['Jenis Kelamin', d.jenisKelamin],
        ['Alamat', d.alamat],
        ['RT/RW', `${d.rt}/${d.rw}`],
        ['Kel/Desa', d.kelurahanDesa],
        ['Kecamatan', d.kecamatan],
        ['Agama', d.agama],
        ['Status Perkawinan', d.statusPerkawinan],
        ['Pekerjaan', d.pekerjaan],
        ['Kewarganegaraan', d.kewarganegaraan],
      ],
    });
    this.deps.store.transaction(() => {
      this.deps.store.printDesk.suket.add({
        id: claims.id,
        nik: claims.nik,
        enrollmentId: view.id,
        statusCode: claims.statusCode,
        issuedAt: claims.issuedAt,
        validUntil,
        issuedBy: actor.id,
        payload,
      });
      this.deps.store.audit.append({ at: claims.issuedAt, actor: actor.id, role: actor.role, action: 'suket.issued', subject: view.id, details: { suketId: claims.id, statusCode: claims.statusCode, validUntil } });
    });
    return { id: claims.id, statusCode: claims.statusCode, payload, pdf };
  }
}
