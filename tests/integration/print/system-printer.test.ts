import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCardFace } from '../../../src-main/print/layout/card-layout.js';
import type { CardFace } from '../../../src-main/print/card-face.js';
import { SystemCardPrinter } from '../../../src-main/print/system/system-card-printer.js';
import { CUPS_QUEUE, cardTextFixture, cupsPdfFor, cupsUnavailable, pdfPageSize, samplePhoto, waitForFile } from '../../helpers/print.js';

let face: CardFace;
beforeAll(async () => {
  face = (await composeCardFace(cardTextFixture(), { bytes: samplePhoto(), format: 'PNG' }, null)).face;
});

const unavailable = cupsUnavailable();

describe.skipIf(unavailable !== null)(`SystemCardPrinter against the real CUPS queue ${CUPS_QUEUE}${unavailable === null ? '' : `: skipped, ${unavailable}`}`, () => {
  it('prints one card as a CR80 PDF page and reads the job state back until completed', async () => {
    const printer = new SystemCardPrinter({ queueName: CUPS_QUEUE });
    const state = await printer.state();
    expect(state).toMatchObject({ ready: true, identity: { kind: 'system' } });
    const phases: string[] = [];
    const jobId = `sys-${Date.now()}`;
    const outcome = await printer.print({ jobId, front: face }, (p) => phases.push(p.phase));
    expect(outcome).toMatchObject({ jobId, printed: true });
    expect(phases).toEqual(['SENDING', 'PRINTING']);
    const file = await waitForFile(() => cupsPdfFor(jobId));
    const [w, h] = pdfPageSize(file);
    expect(Math.abs(w - 242.6)).toBeLessThan(1.5);
    expect(Math.abs(h - 153.1)).toBeLessThan(1.5);
  }, 60_000);

  it('a queue that does not exist is a clear failure, no card fed', async () => {
    const printer = new SystemCardPrinter({ queueName: 'NO-SUCH-QUEUE' });
    const outcome = await printer.print({ jobId: 'missing', front: face });
    expect(outcome).toMatchObject({ printed: false, cardFed: false, fault: { code: 'JOB_FAILED' } });
    expect((await printer.state()).ready).toBe(false);
  }, 30_000);
});

describe('SystemCardPrinter against a broken print server (real HTTP on loopback)', () => {
  let server: Server;
  let url = '';
  let mode: 'garbage' | 'silent' | 'html' = 'garbage';
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      if (mode === 'silent') return; // never answers
      if (mode === 'html') {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>router login</html>');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/ipp' }).end(Buffer.from([0x01, 0x01, 0x00, 0x00, 0xff, 0x13, 0x37]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('garbage IPP bytes: UNKNOWN_REPLY, no card fed', async () => {
    mode = 'garbage';
    const outcome = await new SystemCardPrinter({ queueName: 'Q', serverUrl: url }).print({ jobId: 'g', front: face });
    expect(outcome).toMatchObject({ printed: false, cardFed: false, fault: { code: 'UNKNOWN_REPLY' } });
  });

  it('a reply that is not IPP at all: UNKNOWN_REPLY naming the content type', async () => {
    mode = 'html';
    const outcome = await new SystemCardPrinter({ queueName: 'Q', serverUrl: url }).print({ jobId: 'h', front: face });
    expect(outcome).toMatchObject({ printed: false, cardFed: false, fault: { code: 'UNKNOWN_REPLY' } });
    if (!outcome.printed) expect(outcome.fault.raw).toContain('text/html');
  });

  it('a silent server: TIMEOUT, no card fed; the printer state says not ready', async () => {
    mode = 'silent';
    const printer = new SystemCardPrinter({ queueName: 'Q', serverUrl: url, requestTimeoutMs: 400 });
    expect(await printer.print({ jobId: 's', front: face })).toMatchObject({ printed: false, cardFed: false, fault: { code: 'TIMEOUT' } });
    expect(await printer.state()).toMatchObject({ ready: false, faults: [{ code: 'TIMEOUT' }] });
  });

  it('nothing listening: OFFLINE', async () => {
    const printer = new SystemCardPrinter({ queueName: 'Q', serverUrl: 'http://127.0.0.1:9' });
    expect(await printer.print({ jobId: 'o', front: face })).toMatchObject({ printed: false, cardFed: false, fault: { code: 'OFFLINE' } });
  });
});
