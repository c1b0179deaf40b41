import { describe, expect, it } from 'vitest';
import { PrinterConfig } from '../../src-main/core/config/schema.js';

describe('printer config: the evolis block', () => {
  it('keeps an old evolis block valid and fills the panel and timing defaults', () => {
    const parsed = PrinterConfig.parse({ kind: 'evolis', transport: { type: 'usblp', path: '/dev/usb/lp0' } });
    expect(parsed).toEqual({
      kind: 'evolis',
      transport: { type: 'usblp', path: '/dev/usb/lp0' },
      colourDepth: 6,
      dithering: 'floyd-steinberg',
      replyTimeoutMs: 5000,
      printTimeoutSeconds: 60,
      ribbonLowAt: 10,
    });
  });

  it('refuses a colour depth the printer does not take, naming the field', () => {
    const result = PrinterConfig.safeParse({ kind: 'evolis', transport: { type: 'serial', path: '/dev/ttyS0' }, colourDepth: 8 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['colourDepth']);
    expect(result.error?.issues[0]?.message).toMatch(/5, 6 or 7/);
  });
});
