import type { SneakernetService } from '../../sneakernet/sneakernet-service.js';
import type { HandlerGroup } from '../handlers.js';
import { StationError } from '../station-error.js';

function requireSneakernet(service: SneakernetService | null): SneakernetService {
  if (service === null) {
    throw new StationError('CENTRAL_NOT_CONFIGURED', {
      message: {
        id: 'Kirim via USB perlu server pusat di konfigurasi (kunci publiknya menyegel paket). Isi bagian "central" di station.config.json.',
        en: 'Send via USB needs central in the config (its public key seals the packets). Fill in "central" in station.config.json.',
      },
    });
  }
  return service;
}

export function sneakernetHandlers(service: SneakernetService | null): HandlerGroup<'sneakernet.preview' | 'sneakernet.export' | 'sneakernet.import' | 'sneakernet.importReceipt'> {
  return {
    'sneakernet.preview': ({ since }) => requireSneakernet(service).preview(since ?? null),
    'sneakernet.export': ({ outDir, since }) => requireSneakernet(service).export(outDir, since ?? null),
    'sneakernet.import': ({ dir, receiptFile }) => requireSneakernet(service).import(dir, receiptFile ?? null),
    'sneakernet.importReceipt': ({ file }) => requireSneakernet(service).importReceipt(file),
  };
}
