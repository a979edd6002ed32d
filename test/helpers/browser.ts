import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDataDir } from './services.ts';

export const CHROMIUM = '/usr/bin/chromium';

const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). With `camera`, the
 * browser's fake camera plays that .y4m file for the whole life of the browser.
 */
/**
 * Collects a page's uncaught script errors and the console errors of content it was refused
 * (Content Security Policy), into `errors`: a browser test ends by expecting none.
 */
export function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused/i.test(message.text())) errors.push(message.text());
  });
}

export async function launchBrowser(options: { camera?: string } = {}): Promise<Browser> {
  const args = [...BASE_ARGS];
  if (options.camera) {
    args.push('--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.camera}`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args });
}

/**
 * A .y4m video whose frames show `text` as a QR code, centred on a white 640×480 frame with a
 * quiet zone: what Chromium's fake camera then shows to the page (TESTING.md).
 */
export async function qrVideo(text: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', margin: 4, width: 400, errorCorrectionLevel: 'M' }));
  const W = 640;
  const H = 480;
  const rgb = new Uint8Array(W * H * 3).fill(255);
  const ox = Math.floor((W - png.width) / 2);
  const oy = Math.floor((H - png.height) / 2);
  for (let y = 0; y < png.height && y + oy < H; y++) {
    for (let x = 0; x < png.width && x + ox < W; x++) {
      const s = (y * png.width + x) * 4;
      const d = ((y + oy) * W + (x + ox)) * 3;
      rgb[d] = png.data[s]!;
      rgb[d + 1] = png.data[s + 1]!;
      rgb[d + 2] = png.data[s + 2]!;
    }
  }
  const Y = new Uint8Array(W * H);
  const U = new Uint8Array((W / 2) * (H / 2));
  const V = new Uint8Array((W / 2) * (H / 2));
  for (let i = 0; i < W * H; i++) {
    Y[i] = clamp(0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!);
  }
  for (let y = 0; y < H / 2; y++) {
    for (let x = 0; x < W / 2; x++) {
      let r = 0, g = 0, b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + dy) * W + (2 * x + dx)) * 3;
        r += rgb[p]!; g += rgb[p + 1]!; b += rgb[p + 2]!;
      }
      r /= 4; g /= 4; b /= 4;
      U[y * (W / 2) + x] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      V[y * (W / 2) + x] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  const frames: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < 3; f++) frames.push(Buffer.from('FRAME\n'), Buffer.from(Y), Buffer.from(U), Buffer.from(V));
  const file = join(tempDataDir('passport-camera-'), 'qr.y4m');
  writeFileSync(file, Buffer.concat(frames));
  return file;
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}
