import { access, constants } from 'node:fs/promises';
import type { Device as HidDeviceInfo, HIDAsync } from 'node-hid';
import { TransportError } from '../transport.js';
import type { TransportEvents } from '../transport.js';
import { hidTransportError } from './hid-errors.js';
import type { HidReportTransport } from './hid-report-transport.js';
import { isWellFormedReport } from './hid-report-transport.js';
import { InputQueue } from './input-queue.js';
import type { PortLister } from '../discovery.js';

/** How a HID device is named in the config: an OS path, or vendor/product (and serial) ids. */
export type HidAddress =
  | { path: string; vendorId?: number }
  | { vendorId: number; productId: number; serialNumber?: string | undefined };

function describe(address: HidAddress): string {
  if ('path' in address) return address.path;
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `hid:${hex(address.vendorId)}:${hex(address.productId)}${address.serialNumber === undefined ? '' : `:${address.serialNumber}`}`;
}

type NodeHid = typeof import('node-hid');
let loading: Promise<NodeHid> | null = null;

/**
 * node-hid, loaded on first use: a station with no HID device configured never needs its native
 * part, and a machine where it cannot load (a missing libudev) still starts, its HID devices
 * reported with the reason.
 */
async function nodeHid(path: string): Promise<NodeHid> {
  loading ??= import('node-hid').then((m) => ((m as { default?: NodeHid }).default ?? m));
  try {
    return await loading;
  } catch (error: unknown) {
    loading = null;
    throw new TransportError('IO_ERROR', path, `the HID library (node-hid) could not load on this machine: ${error instanceof Error ? error.message : String(error)}. Reinstall the station; on Linux check that libudev and libusb-1.0 are installed.`, { cause: error });
  }
}

async function deniedOnDisk(path: string): Promise<boolean> {
  if (!path.startsWith('/dev/')) return false;
  try {
    await access(path, constants.R_OK | constants.W_OK);
    return false;
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error).code : undefined;
    return code === 'EACCES' || code === 'EPERM';
  }
}

/**
 * A HID device over node-hid 3 (hidapi). One input report is one `read` chunk; output reports
 * and feature reports carry their report id in byte 0. node-hid's errors become TransportErrors
 * with the technician's fix (the udev rule for PERMISSION_DENIED on Linux).
 */
export class NodeHidTransport implements HidReportTransport {
  readonly kind = 'hid' as const;
  readonly path: string;
  private device: HIDAsync | null = null;
  private readonly queue: InputQueue;
  private readonly listeners = new Set<TransportEvents['disconnect']>();
  /** Why the device is no longer open, when it did not close on request (it vanished). */
  private fault: TransportError | null = null;

  constructor(private readonly address: HidAddress) {
    this.path = describe(address);
    this.queue = new InputQueue(this.path);
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  private get vendorId(): number | undefined {
    return this.address.vendorId;
  }

  private async resolvePath(): Promise<string> {
    if ('path' in this.address) return this.address.path;
    const { vendorId, productId, serialNumber } = this.address;
    const HID = await nodeHid(this.path);
    let listed: HidDeviceInfo[];
    try {
      listed = await HID.devicesAsync(vendorId, productId);
    } catch (error: unknown) {
      throw hidTransportError(error, this.path, 'open', { vendorId });
    }
    const match = listed.find((d) => d.path !== undefined && (serialNumber === undefined || d.serialNumber === serialNumber));
    if (match?.path === undefined) {
      throw new TransportError('PORT_MISSING', this.path, `no HID device ${this.path} is attached (${listed.length} with these ids, none matching)`);
    }
    return match.path;
  }

  async open(): Promise<void> {
    if (this.device !== null) return;
    const osPath = await this.resolvePath();
    const HID = await nodeHid(this.path);
    let device: HIDAsync;
    try {
      device = await HID.HIDAsync.open(osPath);
    } catch (error: unknown) {
      const listed = (await HID.devicesAsync().catch(() => [])).some((d) => d.path === osPath);
      throw hidTransportError(error, this.path, 'open', { listed, accessDenied: await deniedOnDisk(osPath), ...(this.vendorId === undefined ? {} : { vendorId: this.vendorId }) });
    }
    this.queue.reset();
    this.fault = null;
    this.device = device;
    device.on('data', (data: Buffer) => this.queue.push(new Uint8Array(data)));
    device.on('error', (error: unknown) => this.gone(error));
  }

  private gone(error: unknown): void {
    const device = this.device;
    if (device === null) return;
    this.device = null;
    const fault = hidTransportError(error, this.path, 'io');
    const reported = fault.code === 'IO_ERROR' ? new TransportError('DEVICE_GONE', this.path, fault.message, { cause: error }) : fault;
    this.fault = reported;
    this.queue.fail(reported);
    device.removeAllListeners('data');
    void device.close().catch(() => undefined);
    for (const listener of this.listeners) listener(reported);
  }

  private closedError(): TransportError {
    return this.fault ?? new TransportError('CLOSED', this.path, `${this.path} is not open`);
  }

  private requireOpen(): HIDAsync {
    if (this.device === null) throw this.closedError();
    return this.device;
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.requireOpen();
    if (!isWellFormedReport(data)) throw new TransportError('IO_ERROR', this.path, 'an output report needs 1..4096 bytes, report id first');
    try {
      await device.write(Buffer.from(data));
    } catch (error: unknown) {
      this.gone(error);
      throw hidTransportError(error, this.path, 'io');
    }
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    if (this.device === null) return Promise.reject(this.closedError());
    return this.queue.take(timeoutMs);
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    const device = this.requireOpen();
    try {
      return new Uint8Array(await device.getFeatureReport(reportId, length));
    } catch (error: unknown) {
      throw hidTransportError(error, this.path, 'io');
    }
  }

  async sendFeatureReport(report: Uint8Array): Promise<void> {
    const device = this.requireOpen();
    if (!isWellFormedReport(report)) throw new TransportError('IO_ERROR', this.path, 'a feature report needs 1..4096 bytes, report id first');
    try {
      await device.sendFeatureReport(Buffer.from(report));
    } catch (error: unknown) {
      throw hidTransportError(error, this.path, 'io');
    }
  }

  discardInput(): void {
    this.queue.discard();
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    this.fault = null;
    this.queue.fail(new TransportError('CLOSED', this.path, `${this.path} was closed`));
    if (device === null) return;
    device.removeAllListeners('data');
    device.removeAllListeners('error');
    await device.close().catch(() => undefined);
  }

  onDisconnect(listener: TransportEvents['disconnect']): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** HID devices attached now with this vendor id (for discovery and the Diagnostik page). */
export async function listHidDevices(vendorId?: number): Promise<Array<{ path: string; vendorId: number; productId: number; product: string | null; serialNumber: string | null }>> {
  const HID = await nodeHid('hid');
  const all = vendorId === undefined ? await HID.devicesAsync() : await HID.devicesAsync(vendorId, 0);
  return all.flatMap((d) =>
    d.path === undefined ? [] : [{ path: d.path, vendorId: d.vendorId, productId: d.productId, product: d.product ?? null, serialNumber: d.serialNumber ?? null }],
  );
}

/** HID devices for discovery, matched against the device profiles like serial ports. */
export const listHidPorts: PortLister = async () =>
  (await listHidDevices()).map((d) => ({ transport: 'hid' as const, path: d.path, vendorId: d.vendorId, productId: d.productId, manufacturer: d.product, serialNumber: d.serialNumber }));
