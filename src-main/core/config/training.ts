import type { StationProfile } from './profile.js';

/**
 * The configuration of training mode (MODE PELATIHAN): no config file, a practice station in
 * Kabupaten Pacitan, simulated devices and (when the sync issue lands) the embedded central emulator.
 */
export function trainingProfile(): StationProfile {
  return {
    stationId: 'PELATIHAN-01',
    region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
    // No central yet: the embedded central emulator arrives with the sync work; until then the
    // link is honestly LURING with reason CENTRAL_NOT_CONFIGURED.
    central: null,
    devices: [
      { kind: 'fingerprint', name: 'Sidik jari (simulasi)', transport: { type: 'simulated' } },
      { kind: 'iris', name: 'Iris (simulasi)', transport: { type: 'simulated' } },
      { kind: 'signature', name: 'Tanda tangan (simulasi)', transport: { type: 'simulated' } },
      { kind: 'camera', name: 'Kamera', transport: { type: 'simulated' } },
    ],
    dailyTarget: 150,
    locale: 'id',
    session: { idleMinutes: 15 },
  };
}
