/**
 * The number on the resident's receipt: kecamatan code, date and the day's serial on this station,
 * e.g. 350101-20261123-0007. Unique per station (the database enforces it).
 */
export function registrationNumber(districtCode: string, day: Date, serial: number): string {
  return `${districtCode}-${dayKey(day)}-${String(serial).padStart(4, '0')}`;
}

/** The station's local calendar day as YYYYMMDD (the registration serial restarts each day). */
export function dayKey(day: Date): string {
  return `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, '0')}${String(day.getDate()).padStart(2, '0')}`;
}
