import type { HidDeviceHandler, HidDevicePort } from '../hid/memory-hid-pipe.js';
import { MemoryHidPipe } from '../hid/memory-hid-pipe.js';
import type { Eye, IrisInfo } from './iris-reports.js';
import { decodeCommand, encodeInfo, encodeStatus, IrisState, splitIrisImage } from './iris-reports.js';
import { syntheticIris } from './synthetic-iris.js';

/** Faults the simulated camera shows at will. Counts are per transfer (the first is transfer 1). */
export interface IrisCameraFaults {
  /** Flip a byte in this block on the first `times` transfers. */
  corruptBlock?: { index: number; times: number };
  /** Stop sending after this many blocks on the first `times` transfers (a dropped transfer). */
  dropAfterBlocks?: { blocks: number; times: number };
  /** Unplug after this many blocks. */
  vanishAfterBlocks?: number;
  /** Answer nothing at all. */
  silent?: boolean;
  /** The camera reports this failure code instead of an image (1 no eye, 2 eye closed, …). */
  failWith?: number;
  /** Only this many captures fail with `failWith`, then the camera sees the eye (absent: every capture fails). */
  failCaptures?: number;
  /** Send an image of this size instead of the announced one. */
  wrongSize?: { width: number; height: number };
  /** Trailing garbage: a report of random bytes after each header. */
  garbageAfterHeader?: boolean;
}

export interface IrisScene {
  /** Share of the iris covered by the eyelids. */
  occlusion?: number;
  /** Defocus blur radius. */
  blur?: number;
  seed?: number;
}

export const IRIS_CAMERA_PROFILE: IrisInfo = { model: 'IRISCAM-M1', serial: 'SIMIRIS00001', firmware: '1.4.2', width: 640, height: 480 };

/**
 * The device side of the iris camera, on the far end of an in-memory HID pipe (no /dev/uhid
 * here). On CAPTURE it reports searching, capturing, transferring, then sends a procedural eye
 * image (pupil, iris texture, eyelids as the scene asks) in blocks; RESEND sends it again.
 */
export class IrisCameraSimulator implements HidDeviceHandler {
  faults: IrisCameraFaults = {};
  /** What the camera sees, per eye. */
  scene: Partial<Record<Eye, IrisScene>> = {};
  private image: { seq: number; reports: Uint8Array[] } | null = null;
  private transfers = 0;
  private run = 0;
  captures = 0;

  constructor(
    private readonly port: HidDevicePort,
    readonly profile: IrisInfo = IRIS_CAMERA_PROFILE,
  ) {}

  onOutputReport(report: Uint8Array): void {
    if (this.faults.silent === true) return;
    let command;
    try {
      command = decodeCommand(report);
    } catch {
      return; // a real camera ignores a report it cannot read
    }
    switch (command.command) {
      case 'get-info':
        this.port.sendInputReport(encodeInfo(this.profile));
        return;
      case 'abort':
        this.run += 1;
        this.image = null;
        return;
      case 'capture':
        this.capture(command.seq, command.eye);
        return;
      case 'resend':
        if (this.image?.seq === command.seq) this.transfer();
        return;
    }
  }

  onGetFeature(reportId: number): Uint8Array {
    return Uint8Array.of(reportId);
  }

  onSetFeature(): void {
    // This camera has no feature reports.
  }

  onOpenChange(open: boolean): void {
    if (!open) {
      this.run += 1;
      this.image = null;
    }
  }

  private capture(seq: number, eye: Eye): void {
    this.captures += 1;
    this.transfers = 0;
    this.port.sendInputReport(encodeStatus({ seq, state: IrisState.Searching, progress: 0 }));
    this.port.sendInputReport(encodeStatus({ seq, state: IrisState.Capturing, progress: 50 }));
    const failing = this.faults.failWith !== undefined && (this.faults.failCaptures === undefined || this.faults.failCaptures > 0);
    if (failing) {
      if (this.faults.failCaptures !== undefined) this.faults.failCaptures -= 1;
      this.port.sendInputReport(encodeStatus({ seq, state: IrisState.Failed, failureCode: this.faults.failWith ?? 0, progress: 100 }));
      return;
    }
    const scene = this.scene[eye] ?? {};
    const size = this.faults.wrongSize ?? { width: this.profile.width, height: this.profile.height };
    const picture = syntheticIris({ width: size.width, height: size.height, seed: scene.seed ?? (eye === 'RIGHT' ? 11 : 23), occlusion: scene.occlusion ?? 0, blur: scene.blur ?? 0 });
    this.image = { seq, reports: splitIrisImage(seq, picture.width, picture.height, picture.pixels) };
    this.port.sendInputReport(encodeStatus({ seq, state: IrisState.Transferring, progress: 100 }));
    this.transfer();
  }

  /** Sends the held image's reports, a slice per macrotask, applying this transfer's faults. */
  private transfer(): void {
    const image = this.image;
    if (image === null) return;
    this.transfers += 1;
    const transfer = this.transfers;
    const run = ++this.run;
    const { corruptBlock, dropAfterBlocks, vanishAfterBlocks, garbageAfterHeader } = this.faults;
    let index = 0;
    const step = () => {
      if (run !== this.run || !this.port.attached) return;
      for (let n = 0; n < 256 && index < image.reports.length; n += 1, index += 1) {
        const block = index - 1; // report 0 is the header
        if (vanishAfterBlocks !== undefined && block >= vanishAfterBlocks) {
          this.port.unplug();
          return;
        }
        if (dropAfterBlocks !== undefined && transfer <= dropAfterBlocks.times && block >= dropAfterBlocks.blocks) return;
        let report = image.reports[index];
        if (report === undefined) continue;
        if (corruptBlock !== undefined && transfer <= corruptBlock.times && block === corruptBlock.index) {
          report = report.slice();
          report[10] = (report[10] ?? 0) ^ 0x5a;
        }
        this.port.sendInputReport(report);
        if (block === -1 && garbageAfterHeader === true) this.port.sendInputReport(Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff));
      }
      if (index < image.reports.length) setImmediate(step);
    };
    setImmediate(step);
  }
}

/** A simulated iris camera on an in-memory HID pipe. */
export function simulatedIrisCamera(profile: IrisInfo = IRIS_CAMERA_PROFILE): { transport: MemoryHidPipe; simulator: IrisCameraSimulator } {
  const transport = new MemoryHidPipe('sim:iris-camera');
  const simulator = new IrisCameraSimulator(transport, profile);
  transport.attach(simulator);
  return { transport, simulator };
}
