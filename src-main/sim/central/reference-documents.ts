import { createHash } from 'node:crypto';
import { Agama, GolonganDarah, JenisKelamin, Kewarganegaraan, Pekerjaan, StatusPerkawinan } from '../../contract/demographics.js';
import type { ReferenceName } from '../../sync/central-api.js';

export interface ReferenceDocument {
  etag: string;
  body: string;
}

/** Central's reference data, each document with a strong ETag over its bytes. */
export class ReferenceDocuments {
  private readonly docs = new Map<ReferenceName, ReferenceDocument>();

  constructor(stationConfig: Record<string, unknown> = { dailyTarget: 150, printCacheSize: 500 }) {
    this.set('closed-lists', '2026.1', {
      jenisKelamin: JenisKelamin.options,
      golonganDarah: GolonganDarah.options,
      agama: Agama.options,
      statusPerkawinan: StatusPerkawinan.options,
      kewarganegaraan: Kewarganegaraan.options,
      pekerjaan: Pekerjaan.options,
    });
    this.set('regions', 'idn-area-data-3.1', { source: 'Kemendagri region codes (idn-area-data 3.1)', note: 'stations carry the full table; this names its version' });
    this.set('station-config', '1', stationConfig);
  }

  set(name: ReferenceName, version: string, data: unknown): void {
    const body = JSON.stringify({ name, version, data });
    this.docs.set(name, { etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`, body });
  }

  get(name: ReferenceName): ReferenceDocument {
    const doc = this.docs.get(name);
    if (doc === undefined) throw new Error(`no reference document ${name}`);
    return doc;
  }
}
