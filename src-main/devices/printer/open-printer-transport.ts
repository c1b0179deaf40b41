/** The transport a printer config names: a serial port, or a USB printer-class device path. */
import type { DeviceTransport } from '../transport.js';
import { SerialPrinterTransport } from './serial-printer-transport.js';
import { UsbPrinterTransport } from './usblp-transport.js';

export type PrinterTransportConfig =
  | { readonly type: 'serial'; readonly path: string; readonly baudRate: number }
  | { readonly type: 'usblp'; readonly path: string };

export function printerTransport(config: PrinterTransportConfig): DeviceTransport {
  return config.type === 'serial' ? new SerialPrinterTransport(config.path, config.baudRate) : new UsbPrinterTransport(config.path);
}
