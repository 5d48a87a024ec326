// The app icon, as SVG and as PNG at any size. The PNGs are rasterised here
// (4x4 supersampling, no dependencies) because Chromium's install prompt wants
// 192 and 512 px raster icons, and the build must not need a drawing tool.
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x5c, 0xad];
// On a 512 grid: a rounded square, an arc (a fibre's bend) and a dot.
const R_CORNER = 96;
const ARC = { cx: 256, cy: 382.67, r: 166.67, half: 20, yMax: 336 };
const DOT = { cx: 256, cy: 336, r: 40 };

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\
<rect width="512" height="512" rx="${R_CORNER}" fill="#0b5cad"/>\
<path d="M96 336 A${ARC.r} ${ARC.r} 0 0 1 416 336" fill="none" stroke="#fff" stroke-width="${2 * ARC.half}" stroke-linecap="round"/>\
<circle cx="${DOT.cx}" cy="${DOT.cy}" r="${DOT.r}" fill="#fff"/></svg>
`;

function insideSquare(x, y) {
  const dx = Math.max(R_CORNER - x, 0, x - (512 - R_CORNER));
  const dy = Math.max(R_CORNER - y, 0, y - (512 - R_CORNER));
  return dx * dx + dy * dy <= R_CORNER * R_CORNER;
}

function white(x, y) {
  if (Math.hypot(x - DOT.cx, y - DOT.cy) <= DOT.r) return true;
  const d = Math.abs(Math.hypot(x - ARC.cx, y - ARC.cy) - ARC.r);
  if (y <= ARC.yMax && d <= ARC.half) return true;
  // Round caps at both ends of the arc.
  return Math.hypot(x - 96, y - 336) <= ARC.half || Math.hypot(x - 416, y - 336) <= ARC.half;
}

/** RGBA pixels of the icon at `size` x `size`. */
function pixels(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let light = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) * 512) / size;
          const y = ((py + (sy + 0.5) / n) * 512) / size;
          if (!insideSquare(x, y)) continue;
          cover++;
          if (white(x, y)) light++;
        }
      }
      const i = (py * size + px) * 4;
      const mix = cover ? light / cover : 0;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BLUE[c] + (255 - BLUE[c]) * mix);
      out[i + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The icon as a PNG file (RGBA, 8 bits per channel). */
export function iconPng(size) {
  const rgba = pixels(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
