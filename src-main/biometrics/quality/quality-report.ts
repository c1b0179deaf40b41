/** A quality check's answer: the 0–100 score and the measures it came from (for the log and the UI). */
export interface QualityReport {
  score: number;
  measures: Readonly<Record<string, number>>;
}

export function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
}

export function toScore(v: number): number {
  return Math.round(100 * clamp01(v));
}
