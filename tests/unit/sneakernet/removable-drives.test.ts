import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskOf, findRemovableDrives, parseMounts } from '../../../src-main/sneakernet/removable-drives.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A folder laid out like / with the proc and sys files the scan reads. */
function fakeRoot(mounts: string, removable: Record<string, string>): string {
  const dir = tempDir('ktp-drives-');
  cleanups.push(dir.remove);
  mkdirSync(join(dir.dir, 'proc'));
  writeFileSync(join(dir.dir, 'proc', 'mounts'), mounts);
  for (const [disk, flag] of Object.entries(removable)) {
    mkdirSync(join(dir.dir, 'sys', 'block', disk), { recursive: true });
    writeFileSync(join(dir.dir, 'sys', 'block', disk, 'removable'), `${flag}\n`);
  }
  return dir.dir;
}

const MOUNTS = [
  '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
  'proc /proc proc rw 0 0',
  'tmpfs /run tmpfs rw 0 0',
  '/dev/sdb1 /media/operator/KTP\\040USB vfat rw,nosuid 0 0',
  '/dev/mmcblk0p1 /srv/sdcard exfat rw 0 0',
  '/dev/sdc1 /run/media/operator/BACKUP ext4 rw 0 0',
  '/dev/sda1 /home ext4 rw 0 0',
].join('\n');

describe('removable drives from /proc/mounts and /sys/block', () => {
  it('parses mount lines and unescapes octal spaces', () => {
    const entries = parseMounts(MOUNTS);
    expect(entries).toHaveLength(7);
    expect(entries[3]).toEqual({ device: '/dev/sdb1', mountPoint: '/media/operator/KTP USB', fsType: 'vfat' });
  });

  it('maps a partition to its disk by the longest matching name', () => {
    expect(diskOf('sdb1', ['sda', 'sdb', 'nvme0n1'])).toBe('sdb');
    expect(diskOf('mmcblk0p1', ['mmcblk0', 'mmcblk0boot0'])).toBe('mmcblk0');
    expect(diskOf('loop3', ['sda'])).toBeNull();
  });

  it('lists removable disks and desktop mounts, not the system disks', () => {
    const root = fakeRoot(MOUNTS, { nvme0n1: '0', sda: '0', sdb: '1', sdc: '0', mmcblk0: '1' });
    const drives = findRemovableDrives({ root, space: () => ({ freeBytes: 1000, totalBytes: 2000 }) });
    expect(drives.map((d) => [d.mountPoint, d.removableFlag])).toEqual([
      ['/media/operator/KTP USB', true],
      ['/srv/sdcard', true],
      ['/run/media/operator/BACKUP', false],
    ]);
    expect(drives[0]).toMatchObject({ device: '/dev/sdb1', label: 'KTP USB', fsType: 'vfat', freeBytes: 1000, totalBytes: 2000 });
  });

  it('finds nothing where there is no /proc/mounts (not Linux)', () => {
    const dir = tempDir('ktp-drives-');
    cleanups.push(dir.remove);
    expect(findRemovableDrives({ root: dir.dir })).toEqual([]);
  });
});
