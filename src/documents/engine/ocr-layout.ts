import type { OcrWord } from './ocr.ts';
import { layoutPage, type PageLayout, type PositionedText } from './pdf-layout.ts';
import type { Box, Rect } from './types.ts';

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

/**
 * Recognised words (image pixels, origin top-left) laid out like a text layer: into page units of
 * `scale` pixels each (origin bottom-left, as layout expects), then lines normalised to the page,
 * origin top-left, so OCR'd pages and photos get line boxes like any PDF.
 */
export function layoutOcrWords(
  words: OcrWord[],
  image: { height: number; scale: number },
  page: { width: number; height: number },
): PageLayout {
  const { height: pixels, scale } = image;
  const items: PositionedText[] = words.map((w) => ({
    str: w.text,
    x: w.x0 / scale,
    y: (pixels - w.baseline) / scale,
    width: (w.x1 - w.x0) / scale,
    size: w.size / scale,
    bottom: (pixels - w.y1) / scale,
    top: (pixels - w.y0) / scale,
  }));
  const toRect = (box: Box): Rect => {
    const x = round(box.x / page.width);
    const y = round(1 - (box.y + box.height) / page.height);
    return {
      x,
      y,
      width: round(round((box.x + box.width) / page.width) - x),
      height: round(round(1 - box.y / page.height) - y),
    };
  };
  return layoutPage(items, page.width, toRect);
}
