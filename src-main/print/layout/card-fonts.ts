import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import { StationError } from '../../core/station-error.js';

/** The card's typeface: Liberation Sans (metric-compatible with Arial, Debian `fonts-liberation`), else Arial on Windows. */
export const CARD_FONT_FAMILY = 'KTP Card Sans';

const CANDIDATES: ReadonlyArray<{ regular: string; bold: string }> = [
  { regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf' },
  { regular: 'C:\\Windows\\Fonts\\arial.ttf', bold: 'C:\\Windows\\Fonts\\arialbd.ttf' },
];

let registered: string | null = null;

/** Registers the card font once per process; refuses clearly when no candidate is installed. */
export function ensureCardFont(): string {
  if (registered !== null) return registered;
  const found = CANDIDATES.find((c) => existsSync(c.regular) && existsSync(c.bold));
  if (found === undefined) {
    throw new StationError('CARD_FONT_MISSING', {
      details: { looked: CANDIDATES.map((c) => c.regular) },
    });
  }
  GlobalFonts.registerFromPath(found.regular, CARD_FONT_FAMILY);
  GlobalFonts.registerFromPath(found.bold, CARD_FONT_FAMILY);
  registered = found.regular;
  return registered;
}
