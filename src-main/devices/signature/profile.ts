import type { DeviceProfile, DeviceSession, SimulatedDevice } from '../device-profile.js';
import { isHidReportTransport } from '../hid/hid-report-transport.js';
import type { DeviceTransport } from '../transport.js';
import { TransportError } from '../transport.js';
import { SignaturePad } from './signature-pad.js';
import { simulatedSignaturePad } from './signature-pad-simulator.js';
import type { StuCapability } from './stu-reports.js';

/** A connected STU-style pad: what the signature capture talks to. */
export class SignaturePadSession implements DeviceSession {
  constructor(
    readonly pad: SignaturePad,
    readonly model: string,
    readonly capability: StuCapability,
    private readonly info: { firmware: string; serial: string },
  ) {}

  get identity() {
    return { firmware: this.info.firmware, serialNumber: this.info.serial };
  }

  check(): Promise<void> {
    return this.pad.checkReady();
  }
}

/** Faults the training simulator of this pad rehearses; the others do not apply to a pad. */
const PAD_FAULTS = ['noFinger', 'corruptChecksum', 'dropMidImage', 'clear'] as const;

/**
 * The Wacom STU family over HID (USB vendor 0x056a): capability, information, serial and status
 * feature reports, pen data input reports. The probe reads them and checks the pad is ready.
 */
export function signaturePadProfile(): DeviceProfile<SignaturePadSession> {
  return {
    kind: 'signature',
    driver: 'stu',
    label: 'Wacom STU-style signature pad',
    transports: ['hid'],
    usbIds: [
      { vendorId: 0x056a, productId: 0x00a2 }, // STU-300
      { vendorId: 0x056a, productId: 0x00a3 }, // STU-500
      { vendorId: 0x056a, productId: 0x00a4 }, // STU-520
      { vendorId: 0x056a, productId: 0x00a5 }, // STU-430
      { vendorId: 0x056a, productId: 0x00a6 }, // STU-530
      { vendorId: 0x056a, productId: 0x00a8 }, // STU-540
    ],
    connect: async (transport: DeviceTransport) => {
      if (!isHidReportTransport(transport)) throw new TransportError('IO_ERROR', transport.path, `${transport.path} is not a HID device; a signature pad is reached over HID`);
      const pad = new SignaturePad(transport);
      const shake = await pad.handshake();
      return new SignaturePadSession(pad, shake.model, shake.capability, { firmware: shake.firmware, serial: shake.serial });
    },
    simulate: (): SimulatedDevice => {
      const { transport, simulator } = simulatedSignaturePad();
      return {
        transport,
        controls: {
          unplug: () => transport.unplug(),
          plugIn: () => transport.plugIn(),
          inject: (fault, count) => {
            if (!(PAD_FAULTS as readonly string[]).includes(fault)) return false;
            if (fault === 'clear') simulator.faults = {};
            // Nobody signs: inking is on, the pen never touches.
            else if (fault === 'noFinger') simulator.faults.blankSignatures = count;
            // Every 10th pen report garbled: dropped and counted, the signature still arrives.
            else if (fault === 'corruptChecksum') simulator.faults.corruptEveryNthPenReport = 10;
            // The pad stops reporting halfway through the signature, pen down.
            else simulator.faults.silentAfterPenReports = 40;
            return true;
          },
          present: () => undefined,
        },
      };
    },
  };
}
