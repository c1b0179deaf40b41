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

/**
 * Quality thresholds (0–100) per modality: a capture below its threshold asks for a retake, and
 * after the last attempt the best one is kept or an exception is recorded. Defaults follow MOSIP
 * (fingerprint 40, iris 60).
 */
export const QualityConfig = z
  .object({
    fingerprint: z.number().int().min(0).max(100).default(40),
    face: z.number().int().min(0).max(100).default(50),
    iris: z.number().int().min(0).max(100).default(60),
    signature: z.number().int().min(0).max(100).default(40),
  })
  .strict();
export type QualityConfig = z.output<typeof QualityConfig>;
export const DEFAULT_QUALITY_CONFIG: QualityConfig = QualityConfig.parse({});

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

const SimulatedTransport = z
  .object({
    type: z.literal('simulated'),
    /** Line rate the in-process simulator paces its bytes at (training mode). */
    baudRate: z.number().int().min(9600).max(115200).optional(),
  })
  .strict();

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
    /** Module address of a fingerprint sensor (R30x family; default 0xFFFFFFFF). */
    address: z.number().int().min(0).max(0xffffffff).optional(),
    /** Module password of a fingerprint sensor (VfyPwd; default 0). */
    password: z.number().int().min(0).max(0xffffffff).optional(),
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
        /** Bits a dot of the Y/M/C panels: 5, 6 or 7 (32, 64 or 128 levels). */
        colourDepth: z.union([z.literal(5), z.literal(6), z.literal(7)], { error: 'colourDepth must be 5, 6 or 7 (bits a dot of the colour panels)' }).default(6),
        /** How colour is quantised: error diffusion keeps tones and gradients, none rounds each dot. */
        dithering: z.enum(['floyd-steinberg', 'none'], { error: 'dithering must be "floyd-steinberg" or "none"' }).default('floyd-steinberg'),
        replyTimeoutMs: z.number().int().min(200).max(120_000).default(5000),
        /** How long one card's print cycle may take before the printer counts as silent. */
        printTimeoutSeconds: z.number().int().min(5).max(600).default(60),
        /** Ribbon prints left at which the desk is warned (RIBBON_LOW). */
        ribbonLowAt: z.number().int().min(0).max(1000).default(10),
      })
      .strict(),
    z
      .object({
        kind: z.literal('system'),
        queueName: z.string().min(1),
        /** The print server's IPP address (CUPS); default http://127.0.0.1:631. */
        serverUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict(),
  ],
  { error: 'printer.kind must be "evolis" (escape-command printer) or "system" (a printer with an OS driver)' },
);

/** The print desk: when to warn that blanko stock is low, the printer's rated speed, how long a Suket is valid. */
export const PrintDeskConfig = z
  .object({
    lowStockThreshold: z.number().int().min(0).max(100_000).default(200),
    ratedCardsPerHour: z.number().int().min(1).max(2000).default(150),
    suketValidDays: z.number().int().min(1).max(366).default(180),
  })
  .strict();
export const DEFAULT_PRINT_DESK_CONFIG = PrintDeskConfig.parse({});
/** Sign-in, lockout, idle lock and re-authentication (accounts). Every field has a default. */
export const SessionConfig = z
  .object({
    /** Idle minutes after which the desk locks (the draft stays; the same operator unlocks). */
    idleMinutes: z.number().int().min(1).max(240).default(15),
    /** A session ends after this many hours whatever happens. */
    maxHours: z.number().int().min(1).max(24).default(12),
    /** Wrong passwords in a row that lock an account… */
    maxFailedSignIns: z.number().int().min(3).max(20).default(5),
    /** …for this many minutes. */
    lockoutMinutes: z.number().int().min(1).max(1440).default(15),
    /** Shortest password accepted for an account. */
    passwordMinLength: z.number().int().min(10).max(64).default(10),
    /** How long a re-authentication for a sensitive action stays usable (seconds, used once). */
    reauthSeconds: z.number().int().min(30).max(600).default(120),
  })
  .strict();
export type SessionConfig = z.output<typeof SessionConfig>;
export const DEFAULT_SESSION_CONFIG: SessionConfig = SessionConfig.parse({});

/** What happens to biometric bytes once central has accepted a record (the resident data stays). */
export const RetentionConfig = z
  .object({
    /** Days after central accepted a record before its biometric bytes leave the station. */
    graceDays: z.number().int().min(0).max(3650).default(30),
    /** Hours between purge runs (each followed by a VACUUM); 0: never automatically. */
    vacuumHours: z.number().int().min(0).max(720).default(24),
  })
  .strict();
export type RetentionConfig = z.output<typeof RetentionConfig>;
export const DEFAULT_RETENTION_CONFIG: RetentionConfig = RetentionConfig.parse({});

export const StationConfig = z
  .object({
    $schema: z.string().optional(),
    stationId: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'stationId must be 3–32 capital letters, digits or "-", e.g. "KEC-350101-01"'),
    region: RegionConfig,
    central: CentralConfig,
    sync: SyncConfig.default(DEFAULT_SYNC_CONFIG),
    quality: QualityConfig.default(DEFAULT_QUALITY_CONFIG),
    devices: z.array(DeviceConfig).default([]),
    printer: PrinterConfig.optional(),
    printDesk: PrintDeskConfig.default(DEFAULT_PRINT_DESK_CONFIG),
    /** Where the database, keys and logs live; relative paths are relative to the config file. */
    dataDir: z.string().min(1).optional(),
    /** Residents a desk means to record in a day (the dashboard compares against it). */
    dailyTarget: z.number().int().min(1).max(5000).default(150),
    locale: z.enum(['id', 'en']).default('id'),
    session: SessionConfig.default(DEFAULT_SESSION_CONFIG),
    retention: RetentionConfig.default(DEFAULT_RETENTION_CONFIG),
    /** The desktop window: a normal window (default), fullscreen, or kiosk (fullscreen, no way out but quitting). */
    window: z
      .object({ display: z.enum(['windowed', 'fullscreen', 'kiosk']).default('windowed') })
      .strict()
      .optional(),
  })
  .strict();

export type StationConfig = z.output<typeof StationConfig>;
export type StationConfigInput = z.input<typeof StationConfig>;
