/** The EvolisCardPrinter a station config's `printer` block (kind "evolis") describes. */
import type { Logger } from 'pino';
import type { StationConfig } from '../../core/config/schema.js';
import { printerTransport } from '../../devices/printer/open-printer-transport.js';
import { EvolisCardPrinter } from './evolis-card-printer.js';

export type EvolisPrinterConfig = Extract<NonNullable<StationConfig['printer']>, { kind: 'evolis' }>;

export function evolisPrinterFromConfig(config: EvolisPrinterConfig, logger?: Logger): EvolisCardPrinter {
  return new EvolisCardPrinter({
    transport: printerTransport(config.transport),
    colourDepth: config.colourDepth,
    dithering: config.dithering,
    replyTimeoutMs: config.replyTimeoutMs,
    printTimeoutMs: config.printTimeoutSeconds * 1000,
    ribbonLowAt: config.ribbonLowAt,
    ...(logger === undefined ? {} : { logger }),
  });
}
