import { readFileSync, readdirSync, statfsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { errnoCode } from '../security/atomic-file.js';

export interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

export interface RemovableDrive {
  device: string;
  mountPoint: string;
  fsType: string;
  label: string;
  /** The kernel's removable flag for the block device (USB sticks, SD cards). */
  removableFlag: boolean;
  freeBytes: number;
  totalBytes: number;
}

/** `/proc/mounts` escapes space, tab, newline and backslash as octal (`\040`). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMounts(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [device, mountPoint, fsType] = line.trim().split(/\s+/);
    if (device === undefined || mountPoint === undefined || fsType === undefined) continue;
    entries.push({ device: unescapeMountField(device), mountPoint: unescapeMountField(mountPoint), fsType });
  }
  return entries;
}

/** The whole-disk name for a partition name: `sdb1` → `sdb`, `mmcblk0p1` → `mmcblk0`, given the disks in /sys/block. */
export function diskOf(partition: string, disks: readonly string[]): string | null {
  let best: string | null = null;
  for (const disk of disks) {
    if (partition.startsWith(disk) && (best === null || disk.length > best.length)) best = disk;
  }
  return best;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'EACCES') return null;
    throw error;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error: unknown) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'EACCES') return [];
    throw error;
  }
}

const DESKTOP_MOUNT_ROOTS = ['/media/', '/run/media/', '/mnt/'];

export interface DriveScanOptions {
  /** Where /proc and /sys are (tests point it at a folder laid out the same way). */
  root?: string;
  /** Free and total bytes of a mounted folder (statfs by default). */
  space?: (mountPoint: string) => { freeBytes: number; totalBytes: number } | null;
}

function statfsSpace(mountPoint: string): { freeBytes: number; totalBytes: number } | null {
  try {
    const fs = statfsSync(mountPoint);
    return { freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
  } catch {
    return null;
  }
}

/**
 * Removable drives as Linux sees them: every `/dev/…` mount in /proc/mounts whose disk has
 * `/sys/block/<disk>/removable` = 1, plus anything the desktop mounted under /media, /run/media
 * or /mnt (USB hard disks often report removable = 0). Other systems: an empty list.
 */
export function findRemovableDrives(options: DriveScanOptions = {}): RemovableDrive[] {
  const root = options.root ?? '/';
  const mounts = readText(join(root, 'proc/mounts'));
  if (mounts === null) return [];
  const disks = listDir(join(root, 'sys/block'));
  const space = options.space ?? statfsSpace;
  const drives: RemovableDrive[] = [];
  const seen = new Set<string>();
  for (const mount of parseMounts(mounts)) {
    if (!mount.device.startsWith('/dev/') || seen.has(mount.mountPoint)) continue;
    const disk = diskOf(basename(mount.device), disks);
    const removableFlag = disk !== null && readText(join(root, 'sys/block', disk, 'removable'))?.trim() === '1';
    const desktopMount = DESKTOP_MOUNT_ROOTS.some((prefix) => mount.mountPoint.startsWith(prefix));
    if (!removableFlag && !desktopMount) continue;
    const room = space(mount.mountPoint);
    if (room === null) continue;
    seen.add(mount.mountPoint);
    drives.push({ ...mount, label: basename(mount.mountPoint) || mount.mountPoint, removableFlag, ...room });
  }
  return drives;
}
