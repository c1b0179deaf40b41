import { z } from 'zod';

const digits = (n: number, what: string, example: string) =>
  z.string().regex(new RegExp(`^\\d{${n}}$`), `${what} must be exactly ${n} digits, e.g. "${example}"`);

export const RegionConfig = z
  .object({
    provinceCode: digits(2, 'provinceCode', '35'),
    regencyCode: digits(4, 'regencyCode (province + kabupaten/kota)', '3501'),
    districtCode: digits(6, 'districtCode (regency + kecamatan)', '350101'),
  })
  .strict()
  .superRefine((region, ctx) => {
    if (!region.regencyCode.startsWith(region.provinceCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['regencyCode'],
        message: `regencyCode must start with provinceCode "${region.provinceCode}"`,
      });
    }
    if (!region.districtCode.startsWith(region.regencyCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['districtCode'],
        message: `districtCode must start with regencyCode "${region.regencyCode}"`,
      });
    }
  });

export const CentralConfig = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address, e.g. "https://central.example.go.id"' }),
    /** Central's public key for sealing packets: inline PEM, or a file path relative to the config file. */
    publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----', 'publicKeyPem must be a PEM block starting with -----BEGIN PUBLIC KEY-----').optional(),
    publicKeyFile: z.string().min(1).optional(),
    /** This station's credential at central (issued with the station's registration): inline, or a file path relative to the config file. */
    credential: z.string().min(16, 'credential must be at least 16 characters (as issued by central)').optional(),
    credentialFile: z.string().min(1).optional(),
    /** How often the link to central is probed. */
    probeIntervalSeconds: z.number().int().min(2).max(600).default(15),
  })
  .strict()
  .refine((c) => (c.publicKeyPem === undefined) !== (c.publicKeyFile === undefined), {
    message: 'give exactly one of publicKeyPem or publicKeyFile',
    path: ['publicKeyPem'],
  })
  .refine((c) => (c.credential === undefined) !== (c.credentialFile === undefined), {
    message: 'give exactly one of credential or credentialFile (the station credential central issued)',
    path: ['credential'],
  });

/** How the sync worker runs; every field has a default that suits a kecamatan desk. */
export const SyncConfig = z
  .object({
    /** Uploads in flight at once. */
    concurrency: z.number().int().min(1).max(8).default(2),
    /** Size of one resumable-upload chunk, in KiB. */
    chunkKiB: z.number().int().min(64).max(65_536).default(4096),
    /** Print-ready records kept on the station for the print desk. */
    printCacheSize: z.number().int().min(0).max(20_000).default(500),
    statusFeedSeconds: z.number().int().min(2).max(3600).default(15),
    printQueueSeconds: z.number().int().min(5).max(3600).default(60),
    /** Automatic reconciliation with central; 0: only when a supervisor asks. */
    reconcileMinutes: z.number().int().min(0).max(10_080).default(60),
  })
  .strict();
export type SyncConfig = z.output<typeof SyncConfig>;
export const DEFAULT_SYNC_CONFIG: SyncConfig = SyncConfig.parse({});

const SerialTransport = z
  .object({
    type: z.literal('serial'),
    path: z.string().min(1, 'path of the serial port, e.g. "/dev/ttyUSB0" or "COM3"'),
    baudRate: z.number().int().positive().default(57600),
  })
  .strict();

const HidTransport = z
  .object({
    type: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    serialNumber: z.string().optional(),
  })
  .strict();

const SimulatedTransport = z.object({ type: z.literal('simulated') }).strict();

const DeviceTransport = z.discriminatedUnion('type', [SerialTransport, HidTransport, SimulatedTransport], {
  error: 'transport.type must be "serial", "hid" or "simulated"',
});

export const DeviceConfig = z
  .object({
    kind: z.enum(['fingerprint', 'iris', 'signature', 'camera'], {
      error: 'kind must be one of fingerprint, iris, signature, camera',
    }),
    name: z.string().min(1).max(64).optional(),
    transport: DeviceTransport,
  })
  .strict();

export const PrinterConfig = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('evolis'),
        transport: z.discriminatedUnion('type', [
          SerialTransport,
          z.object({ type: z.literal('usblp'), path: z.string().min(1) }).strict(),
        ]),
      })
      .strict(),
    z.object({ kind: z.literal('system'), queueName: z.string().min(1) }).strict(),
  ],
  { error: 'printer.kind must be "evolis" (escape-command printer) or "system" (a printer with an OS driver)' },
);

export const StationConfig = z
  .object({
    $schema: z.string().optional(),
    stationId: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'stationId must be 3–32 capital letters, digits or "-", e.g. "KEC-350101-01"'),
    region: RegionConfig,
    central: CentralConfig,
    sync: SyncConfig.default(DEFAULT_SYNC_CONFIG),
    devices: z.array(DeviceConfig).default([]),
    printer: PrinterConfig.optional(),
    /** Where the database, keys and logs live; relative paths are relative to the config file. */
    dataDir: z.string().min(1).optional(),
    /** Residents a desk means to record in a day (the dashboard compares against it). */
    dailyTarget: z.number().int().min(1).max(5000).default(150),
    locale: z.enum(['id', 'en']).default('id'),
    session: z
      .object({ idleMinutes: z.number().int().min(1).max(240).default(15) })
      .strict()
      .default({ idleMinutes: 15 }),
    /** The desktop window: a normal window (default), fullscreen, or kiosk (fullscreen, no way out but quitting). */
    window: z
      .object({ display: z.enum(['windowed', 'fullscreen', 'kiosk']).default('windowed') })
      .strict()
      .optional(),
  })
  .strict();

export type StationConfig = z.output<typeof StationConfig>;
export type StationConfigInput = z.input<typeof StationConfig>;
