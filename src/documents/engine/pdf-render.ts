import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface RenderedPage {
  /** A binary PGM (P5): grey, uncompressed, read by tesseract's leptonica without decoding work. */
  image: Uint8Array;
  width: number;
  height: number;
  /** Pixels per PDF unit of the page's viewport. */
  scale: number;
}

/**
 * Renders a page as displayed (its /Rotate applied) on @napi-rs/canvas at `dpi`, capped at `maxPixels`
 * so a poster-sized page cannot exhaust memory, and returns it as greyscale.
 */
export async function renderPageGrey(
  page: PDFPageProxy,
  dpi = 300,
  maxPixels = 16_000_000,
): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({
    canvasContext: context as unknown as CanvasRenderingContext2D,
    canvas: canvas as unknown as HTMLCanvasElement,
    viewport,
  }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const image = new Uint8Array(header.length + width * height);
  image.set(header);
  for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) {
    image[j] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
  }
  return { image, width, height, scale };
}
