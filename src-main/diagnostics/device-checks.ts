import type { DiagCheck } from '../contract/methods/diag.js';
import type { StationProfile } from '../core/config/profile.js';
import type { Facts } from './check.js';
import { fail, pass, skip, text, warn } from './check.js';
import type { ConfiguredDevice, DeviceProbe, HandshakeFaultCode, HandshakeFunction } from './device-probe.js';
import { serialDeviceProbe } from './serial-probe.js';

type DeviceConfig = StationProfile['devices'][number];

export interface DeviceProbeFactory {
  /** The handshake for a kind of device, from its driver; null when this build has none. */
  handshakeFor: (kind: DeviceConfig['kind']) => HandshakeFunction | null;
  stationPid: number | null;
  /** Passed to serial probes (tests inject the EACCES an unprivileged user gets). */
  checkAccess?: (path: string, mode: number) => Promise<void>;
}

export function describeDevice(device: DeviceConfig, index: number): ConfiguredDevice {
  const t = device.transport;
  const address =
    t.type === 'serial'
      ? t.path
      : t.type === 'hid'
        ? `HID ${t.vendorId.toString(16).padStart(4, '0')}:${t.productId.toString(16).padStart(4, '0')}`
        : 'simulated';
  return { index, kind: device.kind, name: device.name ?? `${device.kind} ${index}`, address };
}

/** A probe per configured device; null for devices this build cannot probe by itself (HID, simulated). */
export function probeForDevice(device: DeviceConfig, index: number, factory: DeviceProbeFactory): DeviceProbe | null {
  if (device.transport.type !== 'serial' || device.kind === 'camera') return null;
  return serialDeviceProbe({
    device: describeDevice(device, index),
    path: device.transport.path,
    baudRate: device.transport.baudRate,
    handshake: factory.handshakeFor(device.kind),
    stationPid: factory.stationPid,
    ...(factory.checkAccess ? { checkAccess: factory.checkAccess } : {}),
  });
}

const titles = {
  found: text('Perangkat ditemukan', 'Device found'),
  permission: text('Izin membuka perangkat', 'Permission to open the device'),
  busy: text('Perangkat tidak dipakai program lain', 'Device not held by another program'),
  handshake: text('Perangkat menjawab jabat tangan', 'Device answers its handshake'),
};

function handshakeFailure(code: HandshakeFaultCode, device: ConfiguredDevice, detail: string) {
  switch (code) {
    case 'TIMEOUT':
      return {
        cause: text(
          `${device.name} di ${device.address} diam: tidak menjawab jabat tangan (${detail}).`,
          `${device.name} on ${device.address} is silent: it did not answer the handshake (${detail}).`,
        ),
        fix: text(
          'Pastikan perangkat menyala dan kecepatan baud di konfigurasi sama dengan perangkat; cabut lalu pasang lagi kabelnya. Jika tetap diam, perangkat atau kabelnya rusak.',
          'Check the device is powered and the baud rate in the config matches the device; unplug and replug it. If it stays silent, the device or its cable is faulty.',
        ),
      };
    case 'PROTOCOL_ERROR':
      return {
        cause: text(
          `${device.name} menjawab, tetapi bukan dengan protokol yang diharapkan (${detail}).`,
          `${device.name} answered, but not in the expected protocol (${detail}).`,
        ),
        fix: text(
          'Periksa bahwa jalur port di konfigurasi menunjuk ke perangkat yang benar dan kecepatan baud-nya cocok.',
          'Check that the port path in the config points at the right device and that the baud rate matches.',
        ),
      };
    case 'WRONG_PASSWORD':
      return {
        cause: text(`${device.name} menolak kata sandi modul (${detail}).`, `${device.name} refused the module password (${detail}).`),
        fix: text('Setel kata sandi modul di konfigurasi sesuai perangkat, atau atur ulang modul.', 'Set the module password in the config to the device\'s, or reset the module.'),
      };
    case 'PORT_BUSY':
      return {
        cause: text(`Port ${device.address} sedang dipakai program lain (${detail}).`, `The port ${device.address} is in use by another program (${detail}).`),
        fix: text('Tutup program lain yang memakai port ini, lalu periksa lagi.', 'Close the other program that uses this port, then check again.'),
      };
    case 'DEVICE_GONE':
    case 'PORT_MISSING':
      return {
        cause: text(`${device.name} hilang saat diperiksa (${detail}).`, `${device.name} went away while being checked (${detail}).`),
        fix: text('Periksa kabel USB dan sambungannya, lalu periksa lagi.', 'Check the USB cable and its connection, then check again.'),
      };
    case 'PERMISSION_DENIED':
      return {
        cause: text(`Tidak diizinkan membuka ${device.address} (${detail}).`, `Not allowed to open ${device.address} (${detail}).`),
        fix: text(
          'Tambahkan pengguna station ke grup dialout (`sudo usermod -aG dialout PENGGUNA`), lalu keluar dan masuk lagi.',
          'Add the station\'s user to the dialout group (`sudo usermod -aG dialout USER`), then log out and in again.',
        ),
      };
    case 'CLOSED':
    case 'IO_ERROR':
      return {
        cause: text(`Galat masukan/keluaran pada ${device.address} (${detail}).`, `Input/output error on ${device.address} (${detail}).`),
        fix: text('Cabut dan pasang lagi perangkat; jika berulang, ganti kabel atau port USB.', 'Unplug and replug the device; if it happens again, change the cable or USB port.'),
      };
  }
}

/** What to do about a device that is not there: it depends on how the device is reached. */
function notFoundFix(device: ConfiguredDevice) {
  if (device.address === 'simulated') {
    return text(
      'Perangkat simulasi ini sedang "dicabut" untuk latihan. Pasang lagi lewat panel Perangkat (Pasang kabel, lalu Terapkan).',
      'This simulated device is "unplugged" for practice. Plug it in again from the Devices panel (Plug the cable in, then Apply).',
    );
  }
  if (device.address.startsWith('HID')) {
    return text(
      'Periksa kabel USB dan daya perangkat; lihat `lsusb` apakah perangkat muncul, lalu betulkan devices[].transport.vendorId/productId di konfigurasi.',
      'Check the USB cable and the device\'s power; see whether `lsusb` lists the device, then correct devices[].transport.vendorId/productId in the config.',
    );
  }
  return text(
    'Periksa kabel USB dan daya perangkat; lihat `ls /dev/serial/by-id/` lalu betulkan devices[].transport.path di konfigurasi (jalur by-id tidak berubah antar-boot).',
    'Check the USB cable and the device\'s power; look at `ls /dev/serial/by-id/` and correct devices[].transport.path in the config (a by-id path does not change between boots).',
  );
}

function lastErrorFacts(probe: DeviceProbe): Facts {
  const last = probe.lastError();
  return last === null
    ? { lastErrorCode: null, lastErrorMessage: null, lastErrorAt: null }
    : { lastErrorCode: last.code, lastErrorMessage: last.message, lastErrorAt: last.at };
}

/** Runs found → permission → busy → handshake for one device; a step that cannot run after a failure is skipped, saying why. */
export async function checkDevice(probe: DeviceProbe): Promise<DiagCheck[]> {
  const device = probe.device;
  const prefix = `device.${device.index}`;
  const base = { section: 'device' as const, subject: `${device.name} (${device.kind}, ${device.address})` };
  const checks: DiagCheck[] = [];
  const afterFailure = (step: keyof typeof titles, failed: string) =>
    skip({
      ...base,
      id: `${prefix}.${step}`,
      title: titles[step],
      code: 'EARLIER_STEP_FAILED',
      cause: text(`Tidak dijalankan karena langkah "${failed}" gagal.`, `Not run because the "${failed}" step failed.`),
    });

  const located = await probe.locate();
  if (!located.found) {
    checks.push(
      fail({
        ...base,
        id: `${prefix}.found`,
        title: titles.found,
        code: located.code,
        observed: located.errno,
        cause:
          located.code === 'PORT_MISSING'
            ? text(`Perangkat tidak ada di ${device.address} (${located.errno}).`, `There is no device at ${device.address} (${located.errno}).`)
            : text(`${device.address} ada, tetapi bukan perangkat (bukan character device).`, `${device.address} exists but is not a device (not a character device).`),
        fix: notFoundFix(device),
        facts: { path: device.address, errno: located.errno },
      }),
      afterFailure('permission', 'found'),
      afterFailure('busy', 'found'),
      { ...afterFailure('handshake', 'found'), facts: lastErrorFacts(probe) },
    );
    return checks;
  }
  checks.push(pass({ ...base, id: `${prefix}.found`, title: titles.found, observed: located.resolvedPath, facts: { path: device.address, resolvedPath: located.resolvedPath } }));

  const access = await probe.access();
  if (!access.ok) {
    checks.push(
      fail({
        ...base,
        id: `${prefix}.permission`,
        title: titles.permission,
        code: 'PERMISSION_DENIED',
        observed: access.errno,
        cause: text(
          `Pengguna station tidak boleh membuka ${device.address} untuk baca/tulis (${access.errno}).`,
          `The station's user may not open ${device.address} for reading and writing (${access.errno}).`,
        ),
        fix: device.address.startsWith('HID')
          ? text(
              'Pasang aturan udev station (`/usr/lib/udev/rules.d/70-ktp-station.rules`, ikut paket deb) atau aturan yang memberi hidraw perangkat ini ke grup plugdev, jalankan `sudo udevadm control --reload && sudo udevadm trigger`, lalu cabut dan pasang lagi perangkat.',
              'Install the station\'s udev rule (`/usr/lib/udev/rules.d/70-ktp-station.rules`, shipped in the deb) or one that gives this device\'s hidraw node to the plugdev group, run `sudo udevadm control --reload && sudo udevadm trigger`, then unplug and replug the device.',
            )
          : text(
              'Tambahkan pengguna station ke grup dialout (`sudo usermod -aG dialout PENGGUNA`), lalu keluar dan masuk lagi; atau pasang aturan udev yang memberi perangkat ke grup itu.',
              'Add the station\'s user to the dialout group (`sudo usermod -aG dialout USER`), then log out and in again; or install a udev rule that gives the device to that group.',
            ),
        facts: { errno: access.errno },
      }),
      afterFailure('busy', 'permission'),
      { ...afterFailure('handshake', 'permission'), facts: lastErrorFacts(probe) },
    );
    return checks;
  }
  checks.push(pass({ ...base, id: `${prefix}.permission`, title: titles.permission, observed: 'R/W' }));

  const busy = probe.busy ? await probe.busy() : null;
  if (busy === null) {
    checks.push(skip({ ...base, id: `${prefix}.busy`, title: titles.busy, code: 'NOT_KNOWABLE', cause: text('Tidak dapat diketahui di sistem ini.', 'Cannot be known on this system.') }));
  } else if (busy.busy && busy.heldByStation && probe.managed === true) {
    // Inside the running station: the port is its own, and the handshake goes through its driver.
    checks.push(pass({ ...base, id: `${prefix}.busy`, title: titles.busy, observed: `this station (PID ${busy.holderPid ?? '?'})`, facts: { holderPid: busy.holderPid } }));
  } else if (busy.busy && busy.heldByStation) {
    checks.push(pass({ ...base, id: `${prefix}.busy`, title: titles.busy, observed: `station PID ${busy.holderPid ?? '?'}`, facts: { holderPid: busy.holderPid } }));
    checks.push(
      skip({
        ...base,
        id: `${prefix}.handshake`,
        title: titles.handshake,
        code: 'HELD_BY_STATION',
        cause: text(
          `Station yang berjalan (PID ${busy.holderPid ?? '?'}) memegang port ini; diagnosis tidak mengganggunya. Lihat halaman Diagnostik di station itu.`,
          `The running station (PID ${busy.holderPid ?? '?'}) holds this port; the diagnosis leaves it alone. See the Diagnostik page of that station.`,
        ),
        facts: lastErrorFacts(probe),
      }),
    );
    return checks;
  } else if (busy.busy) {
    const who = `PID ${busy.holderPid ?? '?'}${busy.holderCommand === null ? '' : ` (${busy.holderCommand})`}`;
    checks.push(
      fail({
        ...base,
        id: `${prefix}.busy`,
        title: titles.busy,
        code: 'PORT_BUSY',
        observed: who,
        cause: text(`${device.address} sedang dipegang program lain: ${who}.`, `${device.address} is held by another program: ${who}.`),
        fix: text(
          `Tutup program itu (mis. \`kill ${busy.holderPid ?? 'PID'}\` bila itu program terminal yang tertinggal) atau hentikan station lain, lalu periksa lagi.`,
          `Close that program (e.g. \`kill ${busy.holderPid ?? 'PID'}\` if it is a stray terminal program) or stop the other station, then check again.`,
        ),
        facts: { holderPid: busy.holderPid, holderCommand: busy.holderCommand },
      }),
      { ...afterFailure('handshake', 'busy'), facts: lastErrorFacts(probe) },
    );
    return checks;
  } else {
    checks.push(pass({ ...base, id: `${prefix}.busy`, title: titles.busy, observed: 'free' }));
  }

  if (!probe.handshake) {
    checks.push(
      skip({
        ...base,
        id: `${prefix}.handshake`,
        title: titles.handshake,
        code: 'NO_DRIVER',
        cause: text(`Belum ada driver ${device.kind} di versi ini untuk jabat tangan.`, `This build has no ${device.kind} driver to run the handshake.`),
        facts: lastErrorFacts(probe),
      }),
    );
    return checks;
  }
  const shake = await probe.handshake();
  if (shake.ok) {
    const { model, serial, firmware } = shake.identity;
    checks.push(
      pass({
        ...base,
        id: `${prefix}.handshake`,
        title: titles.handshake,
        observed: `${model}, serial ${serial}, firmware ${firmware}`,
        latencyMs: shake.latencyMs,
        facts: { model, serial, firmware, ...lastErrorFacts(probe) },
      }),
    );
  } else {
    const words = handshakeFailure(shake.code, device, shake.detail);
    checks.push(
      fail({
        ...base,
        id: `${prefix}.handshake`,
        title: titles.handshake,
        code: shake.code,
        observed: shake.detail,
        latencyMs: shake.latencyMs,
        ...words,
        facts: lastErrorFacts(probe),
      }),
    );
  }
  return checks;
}

/** Checks for a configured device this build cannot probe by itself. */
export function unprobedDeviceChecks(device: DeviceConfig, index: number): DiagCheck[] {
  const described = describeDevice(device, index);
  const base = { section: 'device' as const, subject: `${described.name} (${described.kind}, ${described.address})`, id: `device.${index}.found`, title: titles.found };
  if (device.kind === 'camera') {
    return [
      skip({
        ...base,
        code: 'CHECKED_IN_WINDOW',
        cause: text('Kamera dibuka oleh jendela station; halaman Diagnostik menampilkan kamera yang terlihat.', 'The camera is opened by the station window; the Diagnostik page lists the cameras it sees.'),
      }),
    ];
  }
  if (device.transport.type === 'simulated') return [pass({ ...base, observed: 'simulated' })];
  return [
    warn({
      ...base,
      code: 'NO_PROBE',
      cause: text(
        'Perangkat HID diperiksa oleh pengelola perangkat station yang berjalan, bukan dari baris perintah.',
        'HID devices are checked by the running station\'s device manager, not from the command line.',
      ),
      fix: text(
        'Jalankan station, lalu buka halaman Diagnostik (Jalankan diagnosis); periksa juga lampu dan kabel perangkat.',
        'Start the station and open the Diagnostik page (Run diagnosis); also check the device\'s light and cable.',
      ),
    }),
  ];
}
