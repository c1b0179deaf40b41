import { describe, expect, it } from 'vitest';
import { encodeBitmapDownload, encodeCommand } from '../../src-main/print/evolis/command-frame.js';
import { readActionReply, readCounters, readSensors } from '../../src-main/print/evolis/printer-replies.js';
import { MAX_REPLY_BYTES, ReplyReader } from '../../src-main/print/evolis/reply-reader.js';
import { FrameParser } from '../../src-main/sim/printer/frame-parser.js';
import { parseSimCommands } from '../../src-main/sim/printer/sim-commands.js';

describe('Evolis replies', () => {
  it('cuts replies at CR across chunks and skips LF and NUL between them', () => {
    const reader = new ReplyReader();
    reader.push(new TextEncoder().encode('O'));
    expect(reader.next()).toBeUndefined();
    reader.push(new TextEncoder().encode('K\r\n\0ERR RIBBON OUT\r'));
    expect(reader.next()).toEqual({ kind: 'text', text: 'OK' });
    expect(reader.next()).toEqual({ kind: 'text', text: 'ERR RIBBON OUT' });
  });

  it('calls binary noise and a reply with no end garbage, showing the bytes', () => {
    const reader = new ReplyReader();
    reader.push(Uint8Array.from([0xfe, 0x13, 0x2a, 0x0d]));
    expect(reader.next()).toEqual({ kind: 'garbage', raw: '\\xfe\\x13*' });
    reader.push(new Uint8Array(MAX_REPLY_BYTES + 1).fill(0x41));
    expect(reader.next()?.kind).toBe('garbage');
  });

  it('maps printer words to desk faults and refuses what it does not know', () => {
    expect(readActionReply('OK')).toEqual({ ok: true });
    expect(readActionReply('ERR RIB DETECTION')).toMatchObject({ ok: false, fault: { code: 'RIBBON_OUT' } });
    expect(readActionReply('ERR FEEDER EMPTY')).toMatchObject({ fault: { code: 'FEEDER_EMPTY' } });
    expect(readActionReply('ERR COVER OPEN')).toMatchObject({ fault: { code: 'COVER_OPEN' } });
    expect(readActionReply('ERR CARD JAM')).toMatchObject({ fault: { code: 'CARD_JAM' } });
    expect(readActionReply('ERR MECHANICAL')).toMatchObject({ fault: { code: 'MECHANICAL' } });
    expect(readActionReply('ERROR CDE')).toMatchObject({ fault: { code: 'JOB_FAILED', raw: 'ERROR CDE' } });
    expect(readActionReply('ERR SOMETHING NEW')).toMatchObject({ fault: { code: 'UNKNOWN_REPLY' } });
    expect(readActionReply('42')).toMatchObject({ fault: { code: 'UNKNOWN_REPLY' } });
    expect(readSensors('READY')).toEqual([]);
    expect(readSensors('COVER OPEN;RIBBON LOW')).toEqual([
      { code: 'COVER_OPEN', raw: 'COVER OPEN', warning: false },
      { code: 'RIBBON_LOW', raw: 'RIBBON LOW', warning: true },
    ]);
    expect(readSensors('COVER OPEN;WHAT')).toBeNull();
    expect(readCounters('fed=3;printed=2;rejected=1')).toEqual({ fed: 3, printed: 2, rejected: 1 });
    expect(readCounters('fed=3;printed=2')).toBeNull();
  });
});

describe('simulator framing and commands', () => {
  it('reads commands and a bitmap download that contains CR and ESC bytes, split anywhere', () => {
    const bitmap = new Uint8Array(82_296).fill(0x0d);
    bitmap[5] = 0x1b;
    const bytes = new Uint8Array([...encodeCommand('Ss'), ...encodeBitmapDownload('k', 1, bitmap), 0, 0, ...encodeCommand('Se')]);
    const parser = new FrameParser();
    const items = [];
    for (let at = 0; at < bytes.length; at += 997) items.push(...parser.push(bytes.subarray(at, at + 997)));
    expect(items.map((i) => (i.kind === 'frame' ? i.frame.command : i.kind))).toEqual(['Ss', 'Db', 'Se']);
    const db = items[1];
    expect(db?.kind === 'frame' && db.frame.data !== undefined && Buffer.from(db.frame.data).equals(bitmap)).toBe(true);
  });

  it('parses fault words and refuses unknown ones with the list of known ones', () => {
    expect(parseSimCommands('ribbon-out-at=7, jam')).toEqual([{ kind: 'ribbon-out-at', card: 7 }, { kind: 'jam' }]);
    expect(() => parseSimCommands('ribbon-out-at=0')).toThrow(/ribbon-out-at=N/);
    expect(() => parseSimCommands('explode')).toThrow(/unknown simulator command "explode"/);
  });
});
