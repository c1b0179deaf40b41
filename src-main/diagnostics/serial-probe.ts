import { constants } from 'node:fs';
import { access as fsAccess, readFile, realpath, stat } from 'node:fs/promises';
import { errorCode, errorMessage } from './check.js';
import type {
  AccessResult,
  BusyResult,
  ConfiguredDevice,
  DeviceLastError,
  DeviceProbe,
  HandshakeFunction,
  HandshakeResult,
  LocateResult,
} from './device-probe.js';

export interface SerialProbeOptions {
  device: ConfiguredDevice;
  path: string;
  baudRate: number;
  /** Speaks the device's protocol; null when no driver for this kind is in the build. */
  handshake: HandshakeFunction | null;
  /** PID of the station running on this data folder, if any (a port it holds is not "busy"). */
  stationPid: number | null;
  /** fs.access by default; a test injects the EACCES the OS returns to an unprivileged user. */
  checkAccess?: (path: string, mode: number) => Promise<void>;
  /** /proc/locks by default. */
  readLocks?: () => Promise<string>;
  now?: () => Date;
}

/** One lock line of /proc/locks: "1: FLOCK  ADVISORY  WRITE 1234 00:05:3 0 EOF". */
interface LockLine {
  pid: number;
  inode: number;
}

function parseLocks(textOfLocks: string): LockLine[] {
  const out: LockLine[] = [];
  for (const line of textOfLocks.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // Blocked waiters are shown as "1: -> FLOCK ..."; they do not hold the lock.
    if (fields.length < 6 || fields[1] === '->') continue;
    const pid = Number(fields[4]);
    const inode = Number((fields[5] ?? '').split(':')[2]);
    if (Number.isInteger(pid) && Number.isInteger(inode)) out.push({ pid, inode });
  }
  return out;
}

async function commandOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
  } catch {
    return null;
  }
}

/**
 * A serial device as the filesystem shows it: the configured path exists, this process may open
 * it, no other program holds its lock (serialport takes an exclusive flock on Linux), and the
 * injected handshake gets an answer.
 */
export function serialDeviceProbe(options: SerialProbeOptions): DeviceProbe {
  const now = options.now ?? (() => new Date());
  const checkAccess = options.checkAccess ?? fsAccess;
  const readLocks = options.readLocks ?? (() => readFile('/proc/locks', 'utf8'));
  let last: DeviceLastError | null = null;
  const remember = (code: string, message: string) => {
    last = { code, message, at: now().toISOString() };
  };

  return {
    device: options.device,
    async locate(): Promise<LocateResult> {
      try {
        const info = await stat(options.path);
        if (!info.isCharacterDevice()) {
          const detail = `${options.path} exists but is not a character device`;
          remember('NOT_A_DEVICE', detail);
          return { found: false, code: 'NOT_A_DEVICE', errno: 'ENOTTY', detail };
        }
        return { found: true, resolvedPath: await realpath(options.path) };
      } catch (error: unknown) {
        const errno = errorCode(error);
        const detail = `${options.path}: ${errorMessage(error)}`;
        remember('PORT_MISSING', detail);
        return { found: false, code: 'PORT_MISSING', errno, detail };
      }
    },
    async access(): Promise<AccessResult> {
      try {
        await checkAccess(options.path, constants.R_OK | constants.W_OK);
        return { ok: true };
      } catch (error: unknown) {
        const errno = errorCode(error);
        const detail = `${options.path}: ${errorMessage(error)}`;
        remember('PERMISSION_DENIED', detail);
        return { ok: false, code: 'PERMISSION_DENIED', errno, detail };
      }
    },
    async busy(): Promise<BusyResult> {
      if (process.platform !== 'linux') return { busy: false };
      const inode = (await stat(options.path)).ino;
      let holders: LockLine[];
      try {
        // A lock held by this very process is the station's own driver when diag runs inside the station.
        holders = parseLocks(await readLocks()).filter((lock) => lock.inode === inode);
      } catch {
        return { busy: false };
      }
      const holder = holders[0];
      if (holder === undefined) return { busy: false };
      const heldByStation = options.stationPid !== null && holder.pid === options.stationPid;
      const holderCommand = await commandOf(holder.pid);
      if (!heldByStation) remember('PORT_BUSY', `${options.path} is held by PID ${holder.pid}${holderCommand === null ? '' : ` (${holderCommand})`}`);
      return { busy: true, holderPid: holder.pid, holderCommand, heldByStation };
    },
    ...(options.handshake === null
      ? {}
      : {
          async handshake(): Promise<HandshakeResult> {
            const handshake = options.handshake;
            if (handshake === null) throw new Error('unreachable: no handshake');
            const result = await handshake({ path: options.path, baudRate: options.baudRate });
            if (!result.ok) remember(result.code, result.detail);
            return result;
          },
        }),
    lastError: () => last,
  };
}
