import type { StationProfile } from '../core/config/profile.js';
import type { CardPrinter } from './card-face.js';
import { SystemCardPrinter } from './system/system-card-printer.js';

/**
 * The card printer a station's config names. An OS-driver printer goes through its system
 * queue (CUPS over IPP). The Evolis escape-command driver is built separately (issue #7 part A)
 * and is wired here when it lands; until then such a config has no printer (PRINTER_NOT_CONFIGURED).
 */
export function createCardPrinter(printer: StationProfile['printer']): { printer: CardPrinter; name: string } | null {
  if (printer === undefined) return null;
  if (printer.kind === 'system') {
    return { printer: new SystemCardPrinter({ queueName: printer.queueName, ...(printer.serverUrl === undefined ? {} : { serverUrl: printer.serverUrl }) }), name: printer.queueName };
  }
  return null;
}
