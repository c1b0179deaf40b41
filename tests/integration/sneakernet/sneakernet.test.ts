import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralEmulator } from '../../../src-main/sim/central/emulator.js';
import { findImageSignatures } from '../../../src-main/security/image-signatures.js';
import type { SneakernetImportReport } from '../../../src-main/contract/methods/sneakernet.js';
import { TEST_STATION_ID, recordResident, resident, startTestCentral, waitFor } from '../../helpers/central.js';
import type { LinkedDesk } from '../../helpers/central.js';
import { RELAY_CREDENTIAL, RELAY_STATION_ID, deskFor, filesUnder, originSetup, relaySetup } from '../../helpers/sneakernet.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface World {
  root: string;
  central: CentralEmulator;
  usb: string;
  /** Opens the origin station (its data folder persists between openings). */
  openOrigin: (offline: boolean) => Promise<LinkedDesk>;
  relay: () => Promise<LinkedDesk>;
}

async function world(): Promise<World> {
  const dir = tempDir('ktp-usb-');
  cleanups.push(dir.remove);
  const central = await startTestCentral(join(dir.dir, 'central'), {
    stations: [
      { stationId: TEST_STATION_ID, credential: 'test-credential-0123456789', regencyCode: '3501' },
      { stationId: RELAY_STATION_ID, credential: RELAY_CREDENTIAL, regencyCode: '3501' },
    ],
  });
  cleanups.push(() => central.close());
  const usb = join(dir.dir, 'usb');
  mkdirSync(usb);
  let relayDesk: LinkedDesk | undefined;
  return {
    root: dir.dir,
    central,
    usb,
    openOrigin: async (offline) => {
      const desk = await deskFor(originSetup(join(dir.dir, 'origin'), central, offline));
      cleanups.push(() => desk.station.close());
      return desk;
    },
    relay: async () => {
      if (relayDesk === undefined) {
        const desk = await deskFor(relaySetup(join(dir.dir, 'relay'), central));
        cleanups.push(() => desk.station.close());
        relayDesk = desk;
      }
      return relayDesk;
    },
  };
}

/** The origin connects once (as at installation): central pins its signing key. Then it goes to the field. */
async function provisionedOfflineOrigin(w: World): Promise<LinkedDesk> {
  const online = await w.openOrigin(false);
  await waitFor('signing key pinned at central', () => w.central.repo.station(TEST_STATION_ID)?.signingKeyPem != null, 30_000);
  await online.station.close();
  return w.openOrigin(true);
}

async function backlog(desk: LinkedDesk): Promise<number> {
  return (await desk.ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count;
}

function onlyExportIn(usb: string): string {
  const names = readdirSync(usb).filter((n) => n.startsWith('ktp-export-'));
  expect(names).toHaveLength(1);
  return join(usb, names[0] ?? '');
}

describe('sneakernet: sealed packets carried on a USB stick', () => {
  it('50 residents recorded offline reach central once through a relay; the origin later syncs and its outbox empties with no duplicate', async () => {
    const w = await world();
    let origin = await provisionedOfflineOrigin(w);
    const ids: string[] = [];
    for (let n = 1; n <= 50; n += 1) ids.push(await recordResident(origin, n));
    expect(await backlog(origin)).toBe(50);

    const preview = await origin.ok<{ count: number; bytes: number }>('sneakernet.preview', {});
    expect(preview.count).toBe(50);
    const exported = await origin.ok<{ dir: string; count: number; bytes: number }>('sneakernet.export', { outDir: w.usb });
    expect(exported.count).toBe(50);
    expect(exported.dir).toBe(onlyExportIn(w.usb));
    expect(readdirSync(w.usb).some((n) => n.endsWith('.partial'))).toBe(false);

    // A lost stick leaks nothing readable: no NIK, no name, no image in any file of the export.
    const files = filesUnder(exported.dir);
    expect(files).toHaveLength(51);
    const niks = Array.from({ length: 50 }, (_, k) => String(resident(k + 1).nik));
    const names = Array.from({ length: 50 }, (_, k) => String(resident(k + 1).nama));
    let scannedBytes = 0;
    const hits: string[] = [];
    for (const { file, bytes } of files) {
      scannedBytes += bytes.byteLength;
      const text = bytes.toString('latin1');
      for (const nik of niks) if (text.includes(nik)) hits.push(`${file}: NIK ${nik}`);
      for (const name of names) if (text.includes(name)) hits.push(`${file}: name ${name}`);
      // 3-byte JPEG and heuristic BMP headers occur by chance in ciphertext; the captures are PNGs,
      // and PNG / JPEG 2000 / WSQ signatures are 4+ bytes (about once per 4 GiB of random bytes).
      for (const hit of findImageSignatures(bytes)) if (hit.format !== 'JPEG' && hit.format !== 'BMP') hits.push(`${file}: ${hit.format} at ${hit.offset}`);
    }
    expect(hits).toEqual([]);
    expect(scannedBytes).toBeGreaterThan(exported.bytes);

    const relay = await w.relay();
    const first = await relay.ok<SneakernetImportReport>('sneakernet.import', { dir: exported.dir });
    expect({ uploaded: first.uploaded, alreadyHeld: first.alreadyHeld, refused: first.refused }).toEqual({ uploaded: 50, alreadyHeld: 0, refused: 0 });
    expect(first.originStationId).toBe(TEST_STATION_ID);
    expect(first.receiptFile).toBe(join(exported.dir, 'receipt.json'));

    const again = await relay.ok<SneakernetImportReport>('sneakernet.import', { dir: exported.dir });
    expect({ uploaded: again.uploaded, alreadyHeld: again.alreadyHeld, refused: again.refused }).toEqual({ uploaded: 0, alreadyHeld: 50, refused: 0 });

    const held = w.central.repo.allRecords(TEST_STATION_ID);
    expect(held.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const view = await origin.ok<{ contentHash: string }>('enrollment.get', { id });
      const record = held.find((r) => r.id === id);
      expect(record?.contentHash).toBe(view.contentHash);
      expect(record?.packetReceived).toBe(true);
    }
    expect(w.central.repo.allRecords(RELAY_STATION_ID)).toHaveLength(0);

    // The origin reconnects: its normal sync finds every record held and empties the outbox.
    await origin.station.close();
    origin = await w.openOrigin(false);
    await waitFor('origin outbox empty', async () => (await backlog(origin)) === 0, 60_000);
    expect(w.central.repo.allRecords(TEST_STATION_ID)).toHaveLength(50);
    expect(w.central.stats().duplicates).toBe(0);
    expect(w.central.stats().records).toBe(50);
  }, 180_000);

  it('the receipt the relay writes empties the origin outbox while it is still offline; a forged receipt is refused and changes nothing', async () => {
    const w = await world();
    const origin = await provisionedOfflineOrigin(w);
    const ids: string[] = [];
    for (let n = 1; n <= 4; n += 1) ids.push(await recordResident(origin, n));
    const exported = await origin.ok<{ dir: string }>('sneakernet.export', { outDir: w.usb });
    const relay = await w.relay();
    const report = await relay.ok<SneakernetImportReport>('sneakernet.import', { dir: exported.dir });
    expect(report.uploaded).toBe(4);
    const receiptFile = report.receiptFile ?? '';

    // A receipt altered by hand (one record's hash swapped) does not verify: nothing is acknowledged.
    const forged = JSON.parse(readFileSync(receiptFile, 'utf8')) as { statements: Array<{ statement: { records: Array<{ packetReceived: boolean }> } }> };
    const firstRecord = forged.statements[0]?.statement.records[0];
    if (firstRecord === undefined) throw new Error('empty receipt');
    firstRecord.packetReceived = !firstRecord.packetReceived;
    const forgedFile = join(w.root, 'forged-receipt.json');
    writeFileSync(forgedFile, JSON.stringify(forged));
    const refused = await origin.call('sneakernet.importReceipt', { file: forgedFile });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('SNEAKERNET_RECEIPT_REFUSED');
    expect(await backlog(origin)).toBe(4);

    const applied = await origin.ok<{ acknowledged: number; notHeld: number }>('sneakernet.importReceipt', { file: receiptFile });
    expect(applied).toMatchObject({ acknowledged: 4, notHeld: 0 });
    expect(await backlog(origin)).toBe(0);
    for (const id of ids) expect((await origin.ok<{ status: string }>('enrollment.get', { id })).status).not.toBe('COMMITTED');
    const twice = await origin.ok<{ acknowledged: number; alreadyAcknowledged: number }>('sneakernet.importReceipt', { file: receiptFile });
    expect(twice).toMatchObject({ acknowledged: 0, alreadyAcknowledged: 4 });
  }, 120_000);

  it('a truncated packet, a tampered manifest and a half-written export are each refused by name, and central receives nothing', async () => {
    const w = await world();
    const origin = await provisionedOfflineOrigin(w);
    for (let n = 1; n <= 3; n += 1) await recordResident(origin, n);
    const exported = await origin.ok<{ dir: string }>('sneakernet.export', { outDir: w.usb });
    const relay = await w.relay();
    const refusedFor = async (dir: string) => {
      const outcome = await relay.call('sneakernet.import', { dir });
      expect(outcome.ok).toBe(false);
      const error = outcome.error as { code: string; details?: { reason?: string; file?: string }; message: { en: string } } | undefined;
      expect(error?.code).toBe('SNEAKERNET_EXPORT_REFUSED');
      return error;
    };

    const truncated = join(w.root, 'copy-truncated', 'ktp-export-x');
    cpSync(exported.dir, truncated, { recursive: true });
    const packetFile = readdirSync(join(truncated, 'packets')).sort()[1] ?? '';
    truncateSync(join(truncated, 'packets', packetFile), 1000);
    const cut = await refusedFor(truncated);
    expect(cut?.details).toMatchObject({ reason: 'packet-size-mismatch', file: `packets/${packetFile}` });
    expect(cut?.message.en).toContain(packetFile);

    const tampered = join(w.root, 'copy-tampered', 'ktp-export-y');
    cpSync(exported.dir, tampered, { recursive: true });
    const manifestFile = join(tampered, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { packets: Array<{ registrationNo: string }> };
    const firstPacket = manifest.packets[0];
    if (firstPacket === undefined) throw new Error('empty manifest');
    firstPacket.registrationNo = `${firstPacket.registrationNo.slice(0, -1)}9`;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect((await refusedFor(tampered))?.details).toMatchObject({ reason: 'signature-invalid', file: 'manifest.json' });

    // A stick pulled out mid-export leaves the in-progress name, or a folder with no manifest yet.
    const partial = `${join(w.root, 'copy-partial', 'ktp-export-z')}.partial`;
    cpSync(exported.dir, partial, { recursive: true });
    expect((await refusedFor(partial))?.details).toMatchObject({ reason: 'incomplete' });
    const noManifest = join(w.root, 'copy-partial', 'ktp-export-w');
    renameSync(partial, noManifest);
    rmSync(join(noManifest, 'manifest.json'));
    expect((await refusedFor(noManifest))?.details).toMatchObject({ reason: 'manifest-missing' });

    expect(w.central.repo.allRecords(TEST_STATION_ID)).toHaveLength(0);
    expect(w.central.stats().records).toBe(0);
    // The untouched export still goes through.
    expect((await relay.ok<SneakernetImportReport>('sneakernet.import', { dir: exported.dir })).uploaded).toBe(3);
  }, 120_000);

  // A real small file system stands in for a nearly full stick; mounting needs root.
  const canMount = spawnSync('mount', ['--version']).status === 0 && process.getuid?.() === 0;
  it.skipIf(!canMount)('a stick with too little room: refused before anything is written, naming the drive and the sizes (tmpfs of 64 KiB; needs root to mount)', async () => {
    const w = await world();
    const origin = await provisionedOfflineOrigin(w);
    for (let n = 1; n <= 2; n += 1) await recordResident(origin, n);
    const small = join(w.root, 'small-stick');
    mkdirSync(small);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status).toBe(0);
    cleanups.push(() => {
      spawnSync('umount', [small]);
    });
    const outcome = await origin.call('sneakernet.export', { outDir: small });
    expect(outcome.ok).toBe(false);
    const error = outcome.error as { code: string; details?: { outDir?: string; freeBytes?: number; neededBytes?: number }; message: { en: string } } | undefined;
    expect(error?.code).toBe('SNEAKERNET_NO_SPACE');
    expect(error?.details?.outDir).toBe(small);
    expect(error?.details?.freeBytes).toBeLessThan(error?.details?.neededBytes ?? 0);
    expect(error?.message.en).toContain(small);
    expect(readdirSync(small)).toEqual([]);
    expect(await backlog(origin)).toBe(2);
  }, 60_000);
});
