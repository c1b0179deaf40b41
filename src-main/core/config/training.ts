import { DEFAULT_PRINT_DESK_CONFIG, DEFAULT_QUALITY_CONFIG, DEFAULT_RETENTION_CONFIG, DEFAULT_SESSION_CONFIG, DEFAULT_SYNC_CONFIG } from './schema.js';
import type { StationProfile } from './profile.js';

/**
 * The configuration of training mode (MODE PELATIHAN): no config file, a practice station in
 * Kabupaten Pacitan, simulated devices and (when the sync issue lands) the embedded central emulator.
 */
export function trainingProfile(): StationProfile {
  return {
    stationId: 'PELATIHAN-01',
    region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
    // No central in the profile: boot starts the embedded central emulator and links to it.
    central: null,
    sync: { ...DEFAULT_SYNC_CONFIG, statusFeedSeconds: 3, printQueueSeconds: 10 },
    quality: DEFAULT_QUALITY_CONFIG,
    devices: [
      { kind: 'fingerprint', name: 'Sidik jari (simulasi)', transport: { type: 'simulated' } },
      { kind: 'iris', name: 'Iris (simulasi)', transport: { type: 'simulated' } },
      { kind: 'signature', name: 'Tanda tangan (simulasi)', transport: { type: 'simulated' } },
      { kind: 'camera', name: 'Kamera', transport: { type: 'simulated' } },
    ],
    dailyTarget: 150,
    printDesk: DEFAULT_PRINT_DESK_CONFIG,
    locale: 'id',
    session: DEFAULT_SESSION_CONFIG,
    retention: DEFAULT_RETENTION_CONFIG,
  };
}
