/**
 * The number on the resident's receipt: kecamatan code, date and the day's serial on this station,
 * e.g. 350101-20261123-0007. Unique per station (the database enforces it).
 */
export function registrationNumber(districtCode: string, day: Date, serial: number): string {
  const y = day.getFullYear();
  const m = String(day.getMonth() + 1).padStart(2, '0');
  const d = String(day.getDate()).padStart(2, '0');
  return `${districtCode}-${y}${m}${d}-${String(serial).padStart(4, '0')}`;
}

export function dayKey(day: Date): string {
  return registrationNumber('', day, 0).slice(1, 9);
}
