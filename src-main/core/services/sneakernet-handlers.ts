import type { SneakernetService } from '../../sneakernet/sneakernet-service.js';
import { CentralCallError } from '../../sync/central-client.js';
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

/** Central could not be reached during an import: the typed error, with what central said. */
function centralUnavailable(error: CentralCallError): StationError {
  return new StationError('CENTRAL_UNAVAILABLE', {
    message: {
      id: `Server pusat tidak dapat dihubungi untuk memeriksa ekspor (${error.code}). Tidak ada yang dikirim; coba impor lagi saat tersambung.`,
      en: `Central could not be reached to check the export (${error.code}). Nothing was sent; import again once connected.`,
    },
    details: { step: error.step, code: error.code, detail: error.detail, httpStatus: error.httpStatus },
    cause: error,
  });
}

export function sneakernetHandlers(service: SneakernetService | null): HandlerGroup<'sneakernet.preview' | 'sneakernet.export' | 'sneakernet.import' | 'sneakernet.importReceipt'> {
  return {
    'sneakernet.preview': ({ since }) => requireSneakernet(service).preview(since ?? null),
    'sneakernet.export': ({ outDir, since }) => requireSneakernet(service).export(outDir, since ?? null),
    'sneakernet.import': async ({ dir, receiptFile }) => {
      try {
        return await requireSneakernet(service).import(dir, receiptFile ?? null);
      } catch (error: unknown) {
        if (error instanceof CentralCallError) throw centralUnavailable(error);
        throw error;
      }
    },
    'sneakernet.importReceipt': ({ file }) => requireSneakernet(service).importReceipt(file),
  };
}
