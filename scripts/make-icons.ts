// Renders the app icon as PNGs without an image library: the shapes are simple enough to rasterise by hand.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

type Rgb = [number, number, number];
const BG: Rgb = [0x0f, 0x3d, 0x5e];
const BOX: Rgb = [0x7f, 0xd1, 0xff];
const HULL: Rgb = [0xf4, 0xf8, 0xfb];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(x: number, y: number, padding: number): Rgb {
  // Coordinates in a 512 design grid, shrunk towards the centre by `padding` for the maskable safe zone.
  const s = 512 / (512 - 2 * padding);
  const u = (x - padding) * s;
  const v = (y - padding) * s;
  const boxes = [[120, 170], [216, 170], [312, 170], [168, 240], [264, 240]];
  for (const [bx, by] of boxes) if (u >= bx && u < bx + 80 && v >= by && v < by + 60) return BOX;
  if (v >= 320 && v < 410) {
    const inset = ((v - 320) / 90) * 48;
    if (u >= 80 + inset && u < 432 - inset) return HULL;
  }
  return BG;
}

function png(size: number, padding: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel((x * 512) / size, (y * 512) / size, padding);
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync('public/icons/icon-192.png', png(192, 0));
writeFileSync('public/icons/icon-512.png', png(512, 0));
writeFileSync('public/icons/icon-maskable-512.png', png(512, 64));
