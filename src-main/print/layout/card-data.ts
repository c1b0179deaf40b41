import { Demographics } from '../../contract/demographics.js';
import { StationError } from '../../core/station-error.js';

/** What the front of an e-KTP says, in the order the card shows it. */
export interface CardText {
  provinsi: string;
  kabupatenKota: string;
  nik: string;
  nama: string;
  tempatTglLahir: string;
  jenisKelamin: string;
  golDarah: string;
  alamat: string;
  rtRw: string;
  kelDesa: string;
  kecamatan: string;
  agama: string;
  statusPerkawinan: string;
  pekerjaan: string;
  kewarganegaraan: string;
  berlakuHingga: string;
  /** Under the photo: where and when the card was issued. */
  issuePlace: string;
  issueDate: string;
}

export type CardTextField = keyof CardText;

/** DD-MM-YYYY, as the card prints dates. */
export function cardDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** "KABUPATEN PACITAN" → "PACITAN"; "KOTA SURABAYA" → "SURABAYA": the place of issue under the photo. */
export function issuePlaceOf(regencyName: string): string {
  return regencyName.toUpperCase().replace(/^(KABUPATEN|KAB\.|KOTA ADM\.|KOTA)\s+/, '');
}

/**
 * The card's text from a print-ready record's demographics. Data from central is checked with the
 * same schema as data recorded here: a record that fails it is refused before any blank is fed.
 */
export function cardTextOf(input: { nik: string; demographicsJson: string; provinceName: string; regencyName: string; issuedAt: Date }): CardText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.demographicsJson);
  } catch (cause: unknown) {
    throw invalidRecord(input.nik, ['demographics: not JSON'], cause);
  }
  // Central carries the NIK beside the demographics; the card's NIK is the record's.
  const withNik = typeof parsed === 'object' && parsed !== null ? { ...parsed, nik: input.nik } : parsed;
  const result = Demographics.safeParse(withNik);
  if (!result.success) throw invalidRecord(input.nik, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const d = result.data;
  return {
    provinsi: `PROVINSI ${input.provinceName.toUpperCase()}`,
    kabupatenKota: input.regencyName.toUpperCase(),
    nik: input.nik,
    nama: d.nama.toUpperCase(),
    tempatTglLahir: `${d.tempatLahir.toUpperCase()}, ${cardDate(d.tanggalLahir)}`,
    jenisKelamin: d.jenisKelamin,
    golDarah: d.golonganDarah,
    alamat: d.alamat.toUpperCase(),
    rtRw: `${d.rt}/${d.rw}`,
    kelDesa: d.kelurahanDesa.toUpperCase(),
    kecamatan: d.kecamatan.toUpperCase(),
    agama: d.agama,
    statusPerkawinan: d.statusPerkawinan,
    pekerjaan: d.pekerjaan,
    kewarganegaraan: d.kewarganegaraan,
    berlakuHingga: 'SEUMUR HIDUP',
    issuePlace: issuePlaceOf(input.regencyName),
    issueDate: cardDate(input.issuedAt.toISOString()),
  };
}

function invalidRecord(nik: string, problems: string[], cause?: unknown): StationError {
  return new StationError('INVALID_DEMOGRAPHICS', {
    message: {
      id: `Data rekaman NIK ${nik} dari pusat tidak lengkap atau tidak sah (${problems.join('; ')}). Kartu tidak dicetak; laporkan ke supervisor untuk perbaikan di SIAK.`,
      en: `The record for NIK ${nik} from central is incomplete or invalid (${problems.join('; ')}). No card was printed; report it to the supervisor to correct it in SIAK.`,
    },
    details: { nik, problems },
    ...(cause === undefined ? {} : { cause }),
  });
}
