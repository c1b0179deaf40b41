import type { HidDeviceHandler, HidDevicePort } from '../hid/memory-hid-pipe.js';
import { MemoryHidPipe } from '../hid/memory-hid-pipe.js';
import type { InkPoint } from './signature-ink.js';
import type { StuCapability, StuStatusCode } from './stu-reports.js';
import {
  decodeCommand,
  encodeCapability,
  encodeInformation,
  encodePenData,
  encodeSerial,
  encodeStatus,
  StuReport,
  StuStatusCode as Status,
} from './stu-reports.js';
import { seededRandom as random } from '../../sim/seeded-random.js';

/** Faults the simulator can be told to show, at will. */
export interface SignaturePadFaults {
  /** Counts below are per signature played. Every Nth pen report is corrupted (reserved bits, truncated, or past the pad's edge, in turn). */
  corruptEveryNthPenReport?: number;
  /** The next reads of this feature report answer garbage (count = how many times). */
  corruptFeature?: { reportId: number; times: number };
  /** The pad is unplugged after this many pen reports. */
  vanishAfterPenReports?: number;
  /** The pad stops sending (with the pen down) after this many pen reports. */
  silentAfterPenReports?: number;
  /** The next this-many signatures are blank: inking goes on, nobody signs. */
  blankSignatures?: number;
  /** The pad reports itself busy (status Image). */
  busy?: boolean;
}

export interface SignaturePadProfile {
  model: string;
  serial: string;
  firmware: [number, number];
  capability: StuCapability;
}

/** An STU-540-like pad: 800 × 480 screen, 1024 pressure levels. */
export const STU_540_PROFILE: SignaturePadProfile = {
  model: 'STU-540',
  serial: 'SIM540000001',
  firmware: [2, 11],
  capability: { maxX: 10800, maxY: 6480, maxPressure: 1023, screenWidth: 800, screenHeight: 480, maxReportRate: 200, resolution: 2540 },
};

/**
 * A procedural signature in pad coordinates: a looping name stroke, a second word and an
 * underline, with pressure rising and falling along each stroke. Deterministic per seed.
 */
export function proceduralSignature(capability: StuCapability, seed = 1): InkPoint[][] {
  const next = random(seed);
  const { maxX, maxY, maxPressure } = capability;
  const strokes: InkPoint[][] = [];
  const stroke = (x0: number, x1: number, cy: number, amp: number, loops: number, points: number) => {
    const out: InkPoint[] = [];
    for (let i = 0; i < points; i += 1) {
      const t = i / (points - 1);
      const x = x0 + (x1 - x0) * t + amp * 0.35 * Math.sin(2 * Math.PI * loops * t);
      const y = cy + amp * Math.cos(2 * Math.PI * loops * t) * (0.6 + 0.4 * Math.sin(Math.PI * t));
      const pressure = Math.round(maxPressure * (0.25 + 0.6 * Math.sin(Math.PI * t)));
      out.push({ x: clamp(Math.round(x), maxX), y: clamp(Math.round(y), maxY), pressure: clamp(pressure, maxPressure) });
    }
    strokes.push(out);
  };
  stroke(maxX * 0.12, maxX * 0.48, maxY * (0.42 + next() * 0.06), maxY * (0.12 + next() * 0.05), 4 + Math.floor(next() * 3), 240);
  stroke(maxX * 0.52, maxX * 0.85, maxY * (0.45 + next() * 0.06), maxY * (0.1 + next() * 0.05), 3 + Math.floor(next() * 3), 200);
  stroke(maxX * 0.15, maxX * 0.8, maxY * 0.72, maxY * 0.02, 1, 120);
  return strokes;
}

function clamp(v: number, max: number): number {
  return Math.max(0, Math.min(max, v));
}

/**
 * The device side of the signature pad, for training mode and tests. It sits on the far end of
 * an in-memory HID pipe (no /dev/uhid here) and answers the same reports a Wacom STU-style pad
 * would. While inking is on it plays a pen stroke sequence: hover in, strokes, hover out.
 */
export class SignaturePadSimulator implements HidDeviceHandler {
  faults: SignaturePadFaults = {};
  /** Strokes played the next time inking is switched on (default: a procedural signature). */
  script: InkPoint[][];
  private inking = false;
  private penReports = 0;
  private playing = 0;
  private clears = 0;

  constructor(
    private readonly port: HidDevicePort,
    readonly profile: SignaturePadProfile = STU_540_PROFILE,
  ) {
    this.script = proceduralSignature(profile.capability);
  }

  /** Times the host cleared the screen (the test can see the command arrived). */
  get screenClears(): number {
    return this.clears;
  }

  get inkingOn(): boolean {
    return this.inking;
  }

  onOutputReport(): void {
    // The STU's output reports carry screen images; this model ignores them.
  }

  onGetFeature(reportId: number): Uint8Array {
    const corrupt = this.faults.corruptFeature;
    if (corrupt !== undefined && corrupt.reportId === reportId && corrupt.times > 0) {
      corrupt.times -= 1;
      return Uint8Array.of(reportId, 0xff, 0xff, 0xff);
    }
    const { model, serial, firmware, capability } = this.profile;
    switch (reportId) {
      case StuReport.Information:
        return encodeInformation({ modelName: model, firmwareMajor: firmware[0], firmwareMinor: firmware[1], secureIc: 0 });
      case StuReport.Serial:
        return encodeSerial(serial);
      case StuReport.Capability:
        return encodeCapability(capability);
      case StuReport.Status: {
        const code: StuStatusCode = this.faults.busy === true ? Status.Image : this.inking ? Status.Capture : Status.Ready;
        return encodeStatus({ statusCode: code, lastResultCode: 0, statusWord: 0 });
      }
      default:
        return Uint8Array.of(reportId);
    }
  }

  onSetFeature(report: Uint8Array): void {
    const { command, argument } = decodeCommand(report);
    if (command === 'clear-screen') this.clears += 1;
    if (command === 'reset') this.inking = false;
    if (command === 'inking-mode') {
      const on = argument === 1;
      if (on && !this.inking) this.play();
      this.inking = on;
      if (!on) this.playing += 1;
    }
  }

  onOpenChange(open: boolean): void {
    if (!open) {
      this.inking = false;
      this.playing += 1;
    }
  }

  /** Sends the script's pen reports, a slice per macrotask, until inking stops or a fault cuts in. */
  private play(): void {
    const run = ++this.playing;
    // Fault counts are per signature, so a fault set for one capture fires in that capture.
    this.penReports = 0;
    if (this.faults.blankSignatures !== undefined && this.faults.blankSignatures > 0) {
      this.faults.blankSignatures -= 1;
      return;
    }
    const { capability } = this.profile;
    const samples: Uint8Array[] = [];
    const first = this.script[0]?.[0];
    if (first !== undefined) samples.push(encodePenData({ proximity: true, touching: false, pressure: 0, x: first.x, y: first.y }));
    for (const stroke of this.script) {
      for (const p of stroke) samples.push(encodePenData({ proximity: true, touching: true, pressure: p.pressure, x: p.x, y: p.y }));
      const last = stroke.at(-1);
      if (last !== undefined) samples.push(encodePenData({ proximity: true, touching: false, pressure: 0, x: last.x, y: last.y }));
    }
    samples.push(encodePenData({ proximity: false, touching: false, pressure: 0, x: 0, y: 0 }));
    let index = 0;
    const step = () => {
      if (run !== this.playing || !this.port.attached) return;
      for (let n = 0; n < 32 && index < samples.length; n += 1, index += 1) {
        const report = samples[index];
        if (report === undefined) continue;
        this.penReports += 1;
        const { vanishAfterPenReports, silentAfterPenReports, corruptEveryNthPenReport } = this.faults;
        if (vanishAfterPenReports !== undefined && this.penReports > vanishAfterPenReports) {
          this.port.unplug();
          return;
        }
        if (silentAfterPenReports !== undefined && this.penReports > silentAfterPenReports) return;
        const corrupt = corruptEveryNthPenReport !== undefined && corruptEveryNthPenReport > 0 && this.penReports % corruptEveryNthPenReport === 0;
        this.port.sendInputReport(corrupt ? corruptPen(report, this.penReports / corruptEveryNthPenReport, capability) : report);
      }
      if (index < samples.length) setImmediate(step);
    };
    setImmediate(step);
  }
}

function corruptPen(report: Uint8Array, turn: number, capability: StuCapability): Uint8Array {
  const out = report.slice();
  switch (turn % 3) {
    case 0:
      out[1] = (out[1] ?? 0) | 0x60;
      return out;
    case 1:
      return out.subarray(0, 4);
    default:
      out[3] = (capability.maxX + 1) >>> 8;
      out[4] = 0xff;
      return out;
  }
}

/** A simulated pad on an in-memory HID pipe: `transport` for the driver, `simulator` to steer it. */
export function simulatedSignaturePad(profile: SignaturePadProfile = STU_540_PROFILE): { transport: MemoryHidPipe; simulator: SignaturePadSimulator } {
  const transport = new MemoryHidPipe('sim:signature-pad');
  const simulator = new SignaturePadSimulator(transport, profile);
  transport.attach(simulator);
  return { transport, simulator };
}
