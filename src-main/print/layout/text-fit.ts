import { StationError } from '../../core/station-error.js';

/**
 * How a line of card text fits its box, by explicit rules and never by cutting: first shrink
 * the font step by step down to the field's minimum; then, where the field allows it, wrap at
 * word boundaries onto more lines (again from the nominal size down to the minimum); past that
 * the record is refused with CARD_TEXT_DOES_NOT_FIT naming the field.
 */
export interface FitRule {
  /** Font size in dots (300 dpi): 25 dots ≈ 6 pt. */
  nominalPx: number;
  minPx: number;
  maxLines: number;
  /** Box width in dots. */
  widthPx: number;
}

export interface FittedText {
  lines: string[];
  fontPx: number;
  shrunk: boolean;
  wrapped: boolean;
}

/** Measures a string's advance width in dots at a font size. */
export type MeasureText = (text: string, fontPx: number) => number;

const STEP_PX = 0.5;

function wrapWords(text: string, fontPx: number, widthPx: number, measure: MeasureText): string[] | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, fontPx) <= widthPx) {
      line = candidate;
      continue;
    }
    if (line === '') return null; // one word wider than the box: wrapping cannot help
    lines.push(line);
    line = word;
    if (measure(line, fontPx) > widthPx) return null;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function fitText(field: string, text: string, rule: FitRule, measure: MeasureText): FittedText {
  const sizes: number[] = [];
  for (let px = rule.nominalPx; px >= rule.minPx - 1e-9; px -= STEP_PX) sizes.push(Math.round(px * 10) / 10);
  for (const px of sizes) {
    if (measure(text, px) <= rule.widthPx) return { lines: [text], fontPx: px, shrunk: px < rule.nominalPx, wrapped: false };
  }
  if (rule.maxLines > 1) {
    for (const px of sizes) {
      const lines = wrapWords(text, px, rule.widthPx, measure);
      if (lines !== null && lines.length <= rule.maxLines) return { lines, fontPx: px, shrunk: px < rule.nominalPx, wrapped: lines.length > 1 };
    }
  }
  const neededPx = Math.ceil(measure(text, rule.minPx));
  throw new StationError('CARD_TEXT_DOES_NOT_FIT', {
    message: {
      id: `Teks ${field} ("${text}") tidak muat di kartu, bahkan setelah diperkecil ke ${rule.minPx} titik dan dilipat ${rule.maxLines} baris. Kartu tidak dicetak dan blanko tidak terpakai; laporkan ke supervisor agar data diperbaiki (singkatan resmi) di SIAK.`,
      en: `The ${field} text ("${text}") does not fit on the card, even shrunk to ${rule.minPx} dots and wrapped onto ${rule.maxLines} line(s). No card was printed and no blank was used; ask the supervisor to have the data corrected (official abbreviation) in SIAK.`,
    },
    details: { field, text, minPx: rule.minPx, maxLines: rule.maxLines, widthPx: rule.widthPx, neededPx },
  });
}
