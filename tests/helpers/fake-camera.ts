import { writeFileSync } from 'node:fs';

/**
 * Writes a small YUV4MPEG2 (.y4m) video for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): a plain light background and a face-like shape (skin
 * oval, dark hair cap, two eyes, a mouth) that drifts a little from frame to frame, so the
 * preview is visibly live. Made at test time instead of committing a binary.
 */
export function writeFaceY4m(file: string, options: { width?: number; height?: number; frames?: number } = {}): void {
  const width = options.width ?? 320;
  const height = options.height ?? 240;
  const frames = options.frames ?? 15;
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const chunks: Buffer[] = [header];
  const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  for (let f = 0; f < frames; f += 1) {
    const dx = Math.round(4 * Math.sin((2 * Math.PI * f) / frames));
    const cx = width / 2 + dx;
    const cy = height * 0.5;
    const rx = width * 0.17;
    const ry = height * 0.33;
    // Per pixel: luma and chroma of the region it belongs to.
    const region = (x: number, y: number): 'bg' | 'hair' | 'skin' | 'eye' | 'mouth' => {
      if (!inEllipse(x, y, cx, cy, rx * 1.08, ry * 1.06)) return 'bg';
      if (y < cy - ry * 0.55) return 'hair';
      if (!inEllipse(x, y, cx, cy, rx, ry)) return 'hair';
      if (inEllipse(x, y, cx - rx * 0.4, cy - ry * 0.15, rx * 0.14, ry * 0.07) || inEllipse(x, y, cx + rx * 0.4, cy - ry * 0.15, rx * 0.14, ry * 0.07)) return 'eye';
      if (inEllipse(x, y, cx, cy + ry * 0.5, rx * 0.35, ry * 0.06)) return 'mouth';
      return 'skin';
    };
    const Y = { bg: 225, hair: 40, skin: 165, eye: 30, mouth: 90 } as const;
    const U = { bg: 128, hair: 128, skin: 110, eye: 128, mouth: 115 } as const;
    const V = { bg: 128, hair: 132, skin: 155, eye: 128, mouth: 170 } as const;
    const y = Buffer.alloc(ySize);
    const u = Buffer.alloc(cSize);
    const v = Buffer.alloc(cSize);
    for (let row = 0; row < height; row += 1) {
      for (let col = 0; col < width; col += 1) y[row * width + col] = Y[region(col, row)];
    }
    for (let row = 0; row < height / 2; row += 1) {
      for (let col = 0; col < width / 2; col += 1) {
        const r = region(col * 2, row * 2);
        u[row * (width / 2) + col] = U[r];
        v[row * (width / 2) + col] = V[r];
      }
    }
    chunks.push(Buffer.from('FRAME\n', 'ascii'), y, u, v);
  }
  writeFileSync(file, Buffer.concat(chunks));
}
