import { getDistricts, getProvinces, getRegencies } from 'idn-area-data';

/**
 * Indonesia's administrative regions down to kecamatan, from the bundled `idn-area-data`
 * dataset (MIT; Kemendagri codes). Codes here are digits only, as in the NIK: "35", "3501", "350101".
 */
export interface RegionNames {
  province: string;
  regency: string;
  district: string;
}

export class RegionDirectory {
  private constructor(
    private readonly provinces: ReadonlyMap<string, string>,
    private readonly regencies: ReadonlyMap<string, string>,
    private readonly districts: ReadonlyMap<string, string>,
  ) {}

  static async load(): Promise<RegionDirectory> {
    const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
    const digits = (code: string) => code.replace(/\./g, '');
    return new RegionDirectory(
      new Map(provinces.map((p) => [digits(p.code), p.name])),
      new Map(regencies.map((r) => [digits(r.code), r.name])),
      new Map(districts.map((d) => [digits(d.code), d.name])),
    );
  }

  provinceName(code: string): string | undefined {
    return this.provinces.get(code);
  }

  regencyName(code: string): string | undefined {
    return this.regencies.get(code);
  }

  districtName(code: string): string | undefined {
    return this.districts.get(code);
  }

  /** Names of a configured region, or the first code that does not exist. */
  describe(region: { provinceCode: string; regencyCode: string; districtCode: string }):
    | { ok: true; names: RegionNames }
    | { ok: false; field: 'provinceCode' | 'regencyCode' | 'districtCode'; code: string } {
    const province = this.provinceName(region.provinceCode);
    if (province === undefined) return { ok: false, field: 'provinceCode', code: region.provinceCode };
    const regency = this.regencyName(region.regencyCode);
    if (regency === undefined) return { ok: false, field: 'regencyCode', code: region.regencyCode };
    const district = this.districtName(region.districtCode);
    if (district === undefined) return { ok: false, field: 'districtCode', code: region.districtCode };
    return { ok: true, names: { province, regency, district } };
  }
}
