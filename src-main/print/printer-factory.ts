import type { StationProfile } from '../core/config/profile.js';
import type { CardPrinter } from './card-face.js';
import { evolisPrinterFromConfig } from './evolis/printer-from-config.js';
import { SystemCardPrinter } from './system/system-card-printer.js';

/**
 * The card printer a station's config names. An OS-driver printer goes through its system
 * queue (CUPS over IPP); an Evolis-style printer is driven with escape commands over its serial
 * port or USB printer-class device.
 */
export function createCardPrinter(printer: StationProfile['printer']): { printer: CardPrinter; name: string } | null {
  if (printer === undefined) return null;
  if (printer.kind === 'system') {
    return { printer: new SystemCardPrinter({ queueName: printer.queueName, ...(printer.serverUrl === undefined ? {} : { serverUrl: printer.serverUrl }) }), name: printer.queueName };
  }
  const path = printer.transport.path;
  return { printer: evolisPrinterFromConfig(printer), name: `Evolis ${path}` };
}
