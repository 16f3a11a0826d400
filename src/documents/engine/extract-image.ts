/**
 * Photos and scans as images (PNG, JPEG, TIFF, WebP): decoded by sharp (libvips) with its pixel limit as the
 * decompression-bomb guard, turned upright from the EXIF orientation, flattened to grey and read by the
 * same OCR engine as scanned PDF pages. One page; word boxes become line boxes, normalised to the image as
 * displayed.
 */
import sharp, { type Metadata } from 'sharp';
import { INGEST_LIMITS } from './limits.ts';
import { OcrConfigError, ocrEngineFor } from './ocr.ts';
import { layoutOcrWords } from './ocr-layout.ts';
import {
  type ExtractedDocument,
  ExtractionError,
  type ExtractionLimits,
  type ProgressListener,
} from './types.ts';

export const IMAGE_MESSAGES = {
  damaged: 'The image is damaged or incomplete and could not be decoded.',
  ocrOff: 'Images are read with OCR, which is turned off on this server (OCR=off).',
  noText:
    'No readable text in the image, even with OCR: it looks like a photo or drawing without words, or the ' +
    'text is too small, blurred or dark; photograph the page closer, in focus and well lit.',
} as const;

const FORMATS = new Set(['png', 'jpeg', 'tiff', 'webp']);
/** Larger images than this (a 100-megapixel poster, or a bomb that declares one) are refused. */
const MAX_INPUT_PIXELS = 100_000_000;
/** Recognition works on at most this many pixels; a 12 MP phone photo fits, larger ones are scaled down. */
const MAX_OCR_PIXELS = 16_000_000;
/** Screenshots and small crops are enlarged to about this long side: tesseract wants letters ~20 px high. */
const MIN_LONG_SIDE = 1600;
/** Page units per image width: word boxes go through the PDF layout code, whose gaps are set in points. */
const PAGE_WIDTH = 612;

function tooLarge(): ExtractionError {
  return new ExtractionError(
    'IMAGE_TOO_LARGE',
    `The image has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels; scale it down and upload it again.`,
  );
}

function decodeError(error: unknown): ExtractionError {
  const message = (error as Error)?.message ?? '';
  if (/pixel limit/i.test(message)) return tooLarge();
  return new ExtractionError('DAMAGED', IMAGE_MESSAGES.damaged);
}

/** A binary greyscale PGM of the upright image, sized for recognition. */
async function uprightGrey(bytes: Uint8Array) {
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (error) {
    throw decodeError(error);
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw new ExtractionError('DAMAGED', IMAGE_MESSAGES.damaged);
  // EXIF orientations 5-8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = (swap ? meta.height : meta.width) ?? 0;
  const height = (swap ? meta.width : meta.height) ?? 0;
  if (width === 0 || height === 0) throw new ExtractionError('DAMAGED', IMAGE_MESSAGES.damaged);
  // The header's dimensions are enough to refuse a decompression bomb before a pixel is decoded.
  if (width * height > MAX_INPUT_PIXELS) throw tooLarge();
  const long = Math.max(width, height);
  let factor = long < MIN_LONG_SIDE ? Math.min(4, MIN_LONG_SIDE / long) : 1;
  if (width * height * factor * factor > MAX_OCR_PIXELS)
    factor = Math.sqrt(MAX_OCR_PIXELS / (width * height));
  const target = {
    width: Math.max(1, Math.round(width * factor)),
    height: Math.max(1, Math.round(height * factor)),
  };
  try {
    const { data, info } = await input()
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize({ ...target, fit: 'fill', kernel: factor > 1 ? 'cubic' : 'lanczos3' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
    const header = new TextEncoder().encode(`P5\n${info.width} ${info.height}\n255\n`);
    const image = new Uint8Array(header.length + data.length);
    image.set(header);
    image.set(data, header.length);
    return { image, width: info.width, height: info.height, pages: meta.pages ?? 1 };
  } catch (error) {
    throw decodeError(error);
  }
}

export async function extractImage(
  bytes: Uint8Array,
  limits: ExtractionLimits = {},
  onProgress?: ProgressListener,
): Promise<ExtractedDocument> {
  const { ocr } = { ...INGEST_LIMITS, ...limits };
  const grey = await uprightGrey(bytes);
  if (!ocr) throw new ExtractionError('NO_TEXT', IMAGE_MESSAGES.ocrOff);
  let engine: ReturnType<typeof ocrEngineFor>;
  try {
    engine = ocrEngineFor(ocr.languages, ocr.workers);
  } catch (error) {
    if (error instanceof OcrConfigError) throw new ExtractionError('OCR_UNAVAILABLE', error.message);
    throw error;
  }
  const result = await engine.recognizeImage(grey.image);
  onProgress?.({ page: 1, pageCount: 1, stage: 'OCR' });
  const scale = grey.width / PAGE_WIDTH;
  const page = { width: PAGE_WIDTH, height: grey.height / scale };
  const layout = layoutOcrWords(result.words, { height: grey.height, scale }, page);
  if (layout.text.trim() === '') throw new ExtractionError('NO_TEXT', IMAGE_MESSAGES.noText);
  const warning =
    grey.pages > 1 ? `Only the first of the ${grey.pages} pages of the TIFF was read.` : undefined;
  return {
    kind: 'image',
    pages: [{ number: 1, text: layout.text, lines: layout.lines, ...page, ocr: true }],
    pageCount: 1,
    ocrPageCount: 1,
    pageCountEstimated: false,
    ...(warning ? { warning } : {}),
  };
}
