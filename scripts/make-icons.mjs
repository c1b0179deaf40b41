// App icons from packaging/icon.svg, rendered with resvg (no downloads): build/icon.png (512),
// build/icons/NxN.png for Linux, build/icon.ico (PNG-in-ICO, 16–256) for Windows.
// Run `npm run icons` after changing the SVG; the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'packaging', 'icon.svg'));
const render = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
mkdirSync(join(root, 'build', 'icons'), { recursive: true });
const pngs = new Map(linuxSizes.map((size) => [size, render(size)]));
for (const [size, png] of pngs) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), png);
writeFileSync(join(root, 'build', 'icon.png'), pngs.get(512));

// ICO: a 6-byte header, one 16-byte entry per image, then the PNG images themselves.
const images = icoSizes.map((size) => pngs.get(size));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = icoSizes.map((size, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
  entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3); // reserved
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(images[i].length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += images[i].length;
  return entry;
});
writeFileSync(join(root, 'build', 'icon.ico'), Buffer.concat([header, ...entries, ...images]));
process.stdout.write(`icons: build/icon.png, build/icon.ico, build/icons/{${linuxSizes.join(',')}}\n`);
