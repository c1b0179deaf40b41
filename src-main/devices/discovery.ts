import { SerialPort } from 'serialport';
import type { DiscoveredPort } from '../contract/devices.js';
import type { DeviceProfileRegistry } from './device-profile.js';

/** A port as a lister reports it, before matching. */
export interface ListedPort {
  transport: 'serial' | 'hid';
  path: string;
  vendorId: number | null;
  productId: number | null;
  manufacturer: string | null;
  serialNumber: string | null;
}

/** Lists one kind of port; the HID transport adds its own. */
export type PortLister = () => Promise<ListedPort[]>;

function hexId(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9a-fA-F]{1,4}$/.test(value)) return null;
  return parseInt(value, 16);
}

/** Serial ports the OS enumerates (USB-serial bridges, COM ports; not pseudo-terminals). */
export const listSerialPorts: PortLister = async () => {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    transport: 'serial' as const,
    path: p.path,
    vendorId: hexId(p.vendorId),
    productId: hexId(p.productId),
    manufacturer: p.manufacturer ?? null,
    serialNumber: p.serialNumber ?? null,
  }));
};

/** Every lister's ports matched against the registry, with the configured device on each path. */
export async function discoverPorts(
  listers: readonly PortLister[],
  registry: DeviceProfileRegistry,
  configured: ReadonlyMap<string, string>,
): Promise<DiscoveredPort[]> {
  const lists = await Promise.all(listers.map((list) => list().catch(() => [])));
  return lists.flat().map((port) => {
    const profile = registry.matchUsb(port.vendorId, port.productId);
    return {
      ...port,
      match: profile === undefined ? null : { kind: profile.kind, driver: profile.driver },
      configuredAs: configured.get(port.path) ?? null,
    };
  });
}

export interface PortChange {
  attached: ListedPort[];
  detached: ListedPort[];
}

/**
 * Hot-plug without OS hooks: lists ports every `intervalMs` and reports what appeared and what
 * went away since the last look (serialport has no attach event on every platform).
 */
export class PortWatcher {
  private known = new Map<string, ListedPort>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly listers: readonly PortLister[],
    private readonly onChange: (change: PortChange) => void,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    if (this.timer !== null) return;
    void this.look();
    this.timer = setInterval(() => void this.look(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look now; resolves with what changed. */
  async look(): Promise<PortChange> {
    if (this.running) return { attached: [], detached: [] };
    this.running = true;
    try {
      const lists = await Promise.all(this.listers.map((list) => list().catch(() => [])));
      const now = new Map<string, ListedPort>(lists.flat().map((p) => [`${p.transport}:${p.path}`, p]));
      const attached = [...now].filter(([key]) => !this.known.has(key)).map(([, p]) => p);
      const detached = [...this.known].filter(([key]) => !now.has(key)).map(([, p]) => p);
      this.known = now;
      if (attached.length > 0 || detached.length > 0) this.onChange({ attached, detached });
      return { attached, detached };
    } finally {
      this.running = false;
    }
  }
}
