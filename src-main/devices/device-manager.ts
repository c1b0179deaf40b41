import type { Logger } from 'pino';
import type { LocalizedText } from '../contract/errors.js';
import type { DeviceKind, DeviceState, DeviceStatus } from '../contract/devices.js';
import type { DeviceProfile, DeviceProfileRegistry, DeviceSession, SimulatedDevice, SimulatorControls } from './device-profile.js';
import { describeSensorFault, isSensorError } from './fingerprint/sensor-error.js';
import { describeHidDriverFault } from './hid/hid-driver-faults.js';
import { TransportError } from './transport.js';
import type { DeviceTransport } from './transport.js';
import { describeTransportFault } from './transport-errors.js';

/** One configured device, as the station config gives it. */
export interface ManagedDeviceConfig {
  kind: DeviceKind;
  name?: string | undefined;
  transport:
    | { type: 'serial'; path: string; baudRate: number }
    | { type: 'hid'; vendorId: number; productId: number; serialNumber?: string | undefined }
    | { type: 'simulated' };
  address?: number | undefined;
  password?: number | undefined;
}

/** Makes the transport of a configured serial or HID device (HID comes with its transport). */
export type TransportFactory = (config: ManagedDeviceConfig) => DeviceTransport | null;

export interface DeviceManagerOptions {
  devices: readonly ManagedDeviceConfig[];
  registry: DeviceProfileRegistry;
  makeTransport: TransportFactory;
  logger: Logger;
  /** Pause between reconnect attempts of a device that is not ready. */
  retryMs?: number;
  /** How often an idle, ready device is asked a handshake (0: never). */
  healthMs?: number;
  onChange?: (devices: DeviceStatus[]) => void;
  now?: () => Date;
}

/** What `handshakeNow` found: the device answered (or is busy answering a capture), or why not. */
export type HandshakeNow =
  | { ok: true; status: DeviceStatus; latencyMs: number | null; busy: boolean }
  | { ok: false; status: DeviceStatus; latencyMs: number | null };

export class DeviceUnavailableError extends Error {
  constructor(
    readonly reason: 'unknown' | 'busy' | 'not-connected',
    readonly device: DeviceStatus | null,
  ) {
    super(`device ${device?.id ?? '?'} is ${reason}`);
    this.name = 'DeviceUnavailableError';
  }
}

interface Entry {
  readonly id: string;
  readonly config: ManagedDeviceConfig;
  readonly name: string;
  readonly profile: DeviceProfile | undefined;
  readonly simulated: SimulatedDevice | null;
  readonly transport: DeviceTransport | null;
  session: DeviceSession | null;
  state: DeviceState;
  busy: boolean;
  connecting: boolean;
  everConnected: boolean;
  found: boolean;
  permission: boolean | null;
  handshake: boolean | null;
  firmware: string | null;
  serialNumber: string | null;
  lastError: { code: string; message: LocalizedText; at: string } | null;
  connectedAt: string | null;
  reconnects: number;
  retryTimer: NodeJS.Timeout | null;
  /** An idle health check in flight; a job waits for it. */
  checking: Promise<void> | null;
  readyWaiters: Set<() => void>;
}

const NO_DRIVER: LocalizedText = {
  id: 'Station ini belum memiliki driver untuk jenis perangkat ini. Periksa versi station atau konfigurasi perangkat.',
  en: 'This station has no driver for this kind of device yet. Check the station version or the device configuration.',
};

const OPENED_BY_WINDOW: LocalizedText = {
  id: 'Kamera wajah dibuka oleh jendela station, bukan oleh inti station. Jalankan diagnosis untuk melihat kamera yang terlihat jendela.',
  en: 'The face camera is opened by the station window, not by the station core. Run the diagnosis to see the cameras the window sees.',
};

/**
 * Keeps every configured device connected: opens its transport, runs its driver's probe
 * handshake, publishes its state (SIAP / SIBUK / TIDAK_TERHUBUNG / GALAT) and the facts
 * diagnostics show, reconnects after an unplug without a restart, and lends a ready device to
 * one capture at a time.
 */
export class DeviceManager {
  private readonly entries: Entry[];
  private readonly retryMs: number;
  private readonly healthMs: number;
  private readonly now: () => Date;
  private healthTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: DeviceManagerOptions) {
    this.retryMs = options.retryMs ?? 1000;
    this.healthMs = options.healthMs ?? 5000;
    this.now = options.now ?? (() => new Date());
    const counts = new Map<DeviceKind, number>();
    this.entries = options.devices.map((config) => {
      const n = (counts.get(config.kind) ?? 0) + 1;
      counts.set(config.kind, n);
      const id = `${config.kind}-${n}`;
      const profile =
        config.transport.type === 'simulated'
          ? options.registry.all().find((p) => p.kind === config.kind && p.simulate !== undefined)
          : options.registry.forKind(config.kind, config.transport.type);
      const simulated = config.transport.type === 'simulated' ? (profile?.simulate?.() ?? null) : null;
      const transport = simulated?.transport ?? (profile === undefined || config.transport.type === 'simulated' ? null : options.makeTransport(config));
      const entry: Entry = {
        id,
        config,
        name: config.name ?? `${config.kind} ${n}`,
        profile,
        simulated,
        transport,
        session: null,
        state: 'TIDAK_TERHUBUNG',
        busy: false,
        connecting: false,
        everConnected: false,
        found: false,
        permission: null,
        handshake: null,
        firmware: null,
        serialNumber: null,
        lastError: null,
        connectedAt: null,
        reconnects: 0,
        retryTimer: null,
        checking: null,
        readyWaiters: new Set(),
      };
      if (transport === null) {
        entry.lastError =
          config.kind === 'camera'
            ? { code: 'OPENED_BY_WINDOW', message: OPENED_BY_WINDOW, at: this.now().toISOString() }
            : { code: 'NO_DRIVER', message: NO_DRIVER, at: this.now().toISOString() };
      } else {
        transport.onDisconnect((error) => this.lost(entry, error));
      }
      return entry;
    });
  }

  start(): void {
    this.stopped = false;
    for (const entry of this.entries) void this.connect(entry);
    if (this.healthMs > 0) {
      this.healthTimer = setInterval(() => void this.checkIdle(), this.healthMs);
      this.healthTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.healthTimer !== null) clearInterval(this.healthTimer);
    this.healthTimer = null;
    for (const entry of this.entries) {
      if (entry.retryTimer !== null) clearTimeout(entry.retryTimer);
      entry.retryTimer = null;
      entry.session = null;
      await entry.transport?.close().catch(() => undefined);
      // A simulator stops serving when its cable is pulled.
      entry.simulated?.controls.unplug();
    }
  }

  list(): DeviceStatus[] {
    return this.entries.map((entry) => this.view(entry));
  }

  status(id: string): DeviceStatus {
    return this.view(this.require(id));
  }

  /** The first configured device of a kind, if any. */
  firstOfKind(kind: DeviceKind): DeviceStatus | null {
    const entry = this.entries.find((e) => e.config.kind === kind);
    return entry === undefined ? null : this.view(entry);
  }

  /** The simulator levers of a simulated device (null for real ones). */
  simulator(id: string): SimulatorControls | null {
    return this.require(id).simulated?.controls ?? null;
  }

  /** Lends the ready device to one job; SIBUK meanwhile. */
  async use<T>(id: string, job: (session: DeviceSession) => Promise<T>): Promise<T> {
    const entry = this.require(id);
    if (entry.checking !== null) await entry.checking;
    if (entry.busy) throw new DeviceUnavailableError('busy', this.view(entry));
    const session = entry.session;
    if (session === null) throw new DeviceUnavailableError('not-connected', this.view(entry));
    entry.busy = true;
    this.setState(entry, 'SIBUK');
    try {
      return await job(session);
    } finally {
      entry.busy = false;
      if (entry.session !== null) this.setState(entry, 'SIAP');
      else this.publish();
    }
  }

  /** Resolves true once the device is SIAP (at once if it is), false after `timeoutMs`. */
  waitUntilReady(id: string, timeoutMs: number): Promise<boolean> {
    const entry = this.require(id);
    if (entry.session !== null) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        entry.readyWaiters.delete(onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      entry.readyWaiters.add(onReady);
    });
  }

  /** Closes and reopens a device now (the technician fixed something). */
  async reconnect(id: string): Promise<DeviceStatus> {
    const entry = this.require(id);
    if (entry.busy) throw new DeviceUnavailableError('busy', this.view(entry));
    entry.session = null;
    await entry.transport?.close().catch(() => undefined);
    await this.connect(entry);
    return this.view(entry);
  }

  /** The configured device at `index` of the config's `devices` list. */
  atIndex(index: number): DeviceStatus | null {
    const entry = this.entries[index];
    return entry === undefined ? null : this.view(entry);
  }

  /**
   * A handshake now, for the technician's diagnosis: a ready, idle device is asked its idle
   * check; one that is not ready is connected again at once (instead of at the next retry); a
   * device busy with a capture is left alone (it is answering). A device that fails the check
   * is marked so, exactly as the idle health check would.
   */
  async handshakeNow(id: string): Promise<HandshakeNow> {
    const entry = this.require(id);
    if (entry.transport === null || entry.profile === undefined) return { ok: false, status: this.view(entry), latencyMs: null };
    if (entry.checking !== null) await entry.checking;
    if (entry.busy) return { ok: true, status: this.view(entry), latencyMs: null, busy: true };
    const started = performance.now();
    const session = entry.session;
    if (session === null) {
      if (entry.connecting) await this.waitUntilReady(id, this.retryMs + 5000);
      else await this.connect(entry);
      const latencyMs = Math.round(performance.now() - started);
      return entry.session === null ? { ok: false, status: this.view(entry), latencyMs } : { ok: true, status: this.view(entry), latencyMs, busy: false };
    }
    const answered = await this.checkSession(entry, session);
    const latencyMs = Math.round(performance.now() - started);
    return answered ? { ok: true, status: this.view(entry), latencyMs, busy: false } : { ok: false, status: this.view(entry), latencyMs };
  }

  /** The driver reported that the device stopped answering or went away during a job. */
  markLost(id: string, error: unknown): void {
    const entry = this.require(id);
    const fault = error instanceof TransportError ? error : isSensorError(error) && error.fault.kind === 'transport' ? error.fault.error : null;
    if (fault !== null && (fault.code === 'DEVICE_GONE' || fault.code === 'CLOSED')) this.lost(entry, fault);
  }

  private hasStopped(): boolean {
    return this.stopped;
  }

  private require(id: string): Entry {
    const entry = this.entries.find((e) => e.id === id);
    if (entry === undefined) throw new DeviceUnavailableError('unknown', null);
    return entry;
  }

  private async connect(entry: Entry): Promise<void> {
    const transport = entry.transport;
    const profile = entry.profile;
    if (transport === null || profile === undefined || entry.connecting || this.stopped) return;
    entry.connecting = true;
    if (entry.retryTimer !== null) clearTimeout(entry.retryTimer);
    entry.retryTimer = null;
    try {
      try {
        await transport.open();
      } catch (error: unknown) {
        this.failed(entry, error, 'open');
        return;
      }
      entry.found = true;
      entry.permission = true;
      let session: DeviceSession;
      try {
        session = await profile.connect(transport, { address: entry.config.address, password: entry.config.password });
      } catch (error: unknown) {
        this.failed(entry, error, 'handshake');
        await transport.close().catch(() => undefined);
        return;
      }
      // stop() may have run while the handshake was in flight.
      if (this.hasStopped()) {
        await transport.close().catch(() => undefined);
        return;
      }
      if (entry.everConnected) entry.reconnects += 1;
      entry.everConnected = true;
      entry.session = session;
      entry.handshake = true;
      entry.firmware = session.identity.firmware;
      entry.serialNumber = session.identity.serialNumber;
      entry.connectedAt = this.now().toISOString();
      entry.lastError = null;
      this.options.logger.info({ device: entry.id, path: transport.path, firmware: entry.firmware }, 'device ready');
      this.setState(entry, 'SIAP');
      for (const waiter of [...entry.readyWaiters]) waiter();
    } finally {
      entry.connecting = false;
    }
  }

  private failed(entry: Entry, error: unknown, stage: 'open' | 'handshake'): void {
    const at = this.now().toISOString();
    const path = entry.transport?.path ?? entry.id;
    let state: DeviceState = 'GALAT';
    const hidFault = describeHidDriverFault(error);
    if (error instanceof TransportError) {
      entry.lastError = { code: error.code, message: describeTransportFault(error.code, path), at };
      if (error.code === 'PORT_MISSING' || error.code === 'DEVICE_GONE') {
        entry.found = false;
        entry.permission = null;
        state = 'TIDAK_TERHUBUNG';
      } else if (error.code === 'PERMISSION_DENIED') {
        entry.found = true;
        entry.permission = false;
      } else if (error.code === 'PORT_BUSY') {
        entry.found = true;
      }
    } else if (isSensorError(error)) {
      const fault = error.fault;
      if (fault.kind === 'transport' && fault.error.code === 'DEVICE_GONE') {
        state = 'TIDAK_TERHUBUNG';
        entry.found = false;
      } else {
        entry.handshake = false;
      }
      const code = fault.kind === 'transport' ? (fault.error.code === 'TIMEOUT' ? 'HANDSHAKE_TIMEOUT' : fault.error.code) : fault.kind === 'confirm' ? `HANDSHAKE_${fault.confirm.name}` : 'HANDSHAKE_CORRUPT';
      entry.lastError = { code, message: describeSensorFault(fault), at };
    } else if (hidFault !== null) {
      entry.handshake = false;
      entry.lastError = { code: `HANDSHAKE_${hidFault.code}`, message: hidFault.message, at };
    } else {
      entry.lastError = {
        code: stage === 'open' ? 'OPEN_FAILED' : 'HANDSHAKE_FAILED',
        message: { id: `Perangkat gagal dibuka: ${String(error)}`, en: `The device could not be opened: ${String(error)}` },
        at,
      };
    }
    this.options.logger.warn({ device: entry.id, path, code: entry.lastError.code, stage }, 'device not ready');
    this.setState(entry, state);
    this.scheduleRetry(entry);
  }

  private lost(entry: Entry, error: TransportError): void {
    if (entry.session === null && entry.state !== 'SIAP' && entry.state !== 'SIBUK') return;
    entry.session = null;
    entry.found = false;
    entry.lastError = { code: error.code, message: describeTransportFault(error.code, error.path), at: this.now().toISOString() };
    this.options.logger.warn({ device: entry.id, path: error.path, code: error.code }, 'device lost');
    this.setState(entry, 'TIDAK_TERHUBUNG');
    void entry.transport?.close().catch(() => undefined);
    this.scheduleRetry(entry);
  }

  private scheduleRetry(entry: Entry): void {
    if (this.stopped || entry.retryTimer !== null) return;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      void this.connect(entry);
    }, this.retryMs);
    entry.retryTimer.unref();
  }

  private async checkIdle(): Promise<void> {
    for (const entry of this.entries) {
      const session = entry.session;
      if (session === null || entry.busy || entry.connecting || entry.checking !== null) continue;
      await this.checkSession(entry, session);
    }
  }

  /**
   * Asks a connected device its driver's idle check (a job waits for it meanwhile); a device
   * that fails it is marked so and closed, to be connected again. True when it answered.
   */
  private async checkSession(entry: Entry, session: DeviceSession): Promise<boolean> {
    const check = session.check().then(
      () => true,
      async (error: unknown) => {
        if (entry.session === session) {
          entry.session = null;
          this.failed(entry, error, 'handshake');
          await entry.transport?.close().catch(() => undefined);
        }
        return false;
      },
    );
    entry.checking = check.then(() => undefined);
    const answered = await check;
    entry.checking = null;
    return answered;
  }

  private setState(entry: Entry, state: DeviceState): void {
    const changed = entry.state !== state;
    entry.state = state;
    if (changed || state !== 'SIBUK') this.publish();
  }

  private publish(): void {
    this.options.onChange?.(this.list());
  }

  private view(entry: Entry): DeviceStatus {
    const t = entry.config.transport;
    return {
      id: entry.id,
      kind: entry.config.kind,
      name: entry.name,
      driver: entry.profile?.driver ?? null,
      transport: t.type,
      path: t.type === 'serial' ? t.path : t.type === 'hid' ? (entry.transport?.path ?? null) : null,
      simulated: t.type === 'simulated',
      state: entry.state,
      diagnostics: {
        found: entry.found,
        permission: entry.permission,
        handshake: entry.handshake,
        firmware: entry.firmware,
        serialNumber: entry.serialNumber,
        lastError: entry.lastError,
        connectedAt: entry.connectedAt,
        reconnects: entry.reconnects,
      },
    };
  }
}
