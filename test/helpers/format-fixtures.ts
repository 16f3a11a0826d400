/**
 * Fixtures for the formats beyond PDF and Word, built by the tests so a fresh clone exercises every path:
 * a lecture deck (pptxgenjs), a photo of a handout (text drawn on @napi-rs/canvas), a small EPUB (written
 * with the tests' zip writer), a saved web page and Markdown notes. Each states known facts on known
 * slides or pages.
 */

import { crc32, deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import PptxGenJSModule from 'pptxgenjs';
import { buildZip, type ZipInput } from '../unit/ingest/fixtures.ts';

const enc = new TextEncoder();
// pptxgenjs's types read as CommonJS, but Node loads its ES build, whose default export is the class.
const PptxGenJS = PptxGenJSModule as unknown as typeof PptxGenJSModule.default;

export interface DeckSlide {
  title?: string;
  /** Text boxes: [text, x, y, w, h] in inches on a 10 × 5.625 in slide. */
  boxes?: [string, number, number, number, number][];
  table?: string[][];
  notes?: string;
  hidden?: boolean;
}

/** A deck whose slides have a title placeholder, free text boxes, tables and notes. */
export async function makeDeck(slides: DeckSlide[]): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.defineSlideMaster({
    title: 'LECTURE',
    objects: [
      {
        placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.25, w: 9, h: 0.9 }, text: '' },
      },
    ],
  });
  for (const spec of slides) {
    const slide = pptx.addSlide({ masterName: 'LECTURE' });
    if (spec.hidden) slide.hidden = true;
    if (spec.title) slide.addText(spec.title, { placeholder: 'title' });
    for (const [text, x, y, w, h] of spec.boxes ?? []) slide.addText(text, { x, y, w, h, fontSize: 18 });
    if (spec.table) {
      slide.addTable(
        spec.table.map((row) => row.map((text) => ({ text }))),
        { x: 1, y: 1.5, w: 8, rowH: 0.5 },
      );
    }
    if (spec.notes) slide.addNotes(spec.notes);
  }
  return new Uint8Array((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
}

/** The deck the format tests read: four slides, the second hidden. */
export const LECTURE_DECK: DeckSlide[] = [
  {
    title: 'Photosynthesis overview',
    boxes: [['Chloroplasts capture light energy in their thylakoid membranes.', 0.5, 1.5, 9, 1]],
  },
  { title: 'Draft slide', boxes: [['This hidden slide mentions quasars.', 0.5, 1.5, 9, 1]], hidden: true },
  {
    title: 'The Calvin cycle',
    boxes: [
      ['Right column: the enzyme RuBisCO fixes carbon dioxide.', 5.2, 1.5, 4.3, 2],
      ['Left column: the cycle runs in the stroma.', 0.5, 1.5, 4.3, 2],
      ['Footnote: three turns make one glyceraldehyde phosphate.', 0.5, 4.2, 9, 0.8],
    ],
    notes: 'Remind students that the Calvin cycle does not need light directly.',
  },
  {
    title: 'Pigments',
    table: [
      ['Pigment', 'Colour absorbed'],
      ['Chlorophyll a', 'violet and orange-red'],
      ['Carotenoids', 'blue-green'],
    ],
  },
];

/** A PNG of the lines drawn in black on white, 40 px type, as a phone photo of a handout might read. */
export async function textPng(lines: string[], options: { width?: number; fontPx?: number } = {}) {
  const width = options.width ?? 1400;
  const font = options.fontPx ?? 40;
  const canvas = createCanvas(width, 120 + lines.length * font * 2);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = `${font}px sans-serif`;
  for (const [i, line] of lines.entries()) context.fillText(line, 80, 100 + i * font * 2);
  return new Uint8Array(await canvas.encode('png'));
}

export interface EpubChapter {
  title: string;
  /** Paragraphs; "[page 12]" inside a paragraph list places the print edition's page 12 break there. */
  paragraphs: string[];
}

/**
 * A small EPUB 3: mimetype first and stored, container, package document, navigation document with the
 * table of contents and (with `pageList`) a page list whose targets are page-break spans in the chapters.
 */
export function makeEpub(
  chapters: EpubChapter[],
  options: { pageList?: boolean; title?: string; extra?: ZipInput[] } = {},
): Uint8Array {
  const pages: { label: string; href: string }[] = [];
  const files = chapters.map((chapter, c) => {
    const body = chapter.paragraphs
      .map((p) => {
        const page = /^\[page (\w+)\]$/.exec(p);
        if (!page) return `<p>${p}</p>`;
        if (!options.pageList) return '';
        pages.push({ label: page[1], href: `text/ch${c + 1}.xhtml#p${page[1]}` });
        return `<span epub:type="pagebreak" role="doc-pagebreak" id="p${page[1]}" aria-label="${page[1]}"/>`;
      })
      .join('\n');
    return {
      name: `OEBPS/text/ch${c + 1}.xhtml`,
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${chapter.title}</title></head><body><section>${body}</section></body></html>`,
      ),
    };
  });
  const nav = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>
<nav epub:type="toc"><ol>${chapters.map((ch, c) => `<li><a href="text/ch${c + 1}.xhtml">${ch.title}</a></li>`).join('')}</ol></nav>
${options.pageList ? `<nav epub:type="page-list"><ol>${pages.map((p) => `<li><a href="${p.href}">${p.label}</a></li>`).join('')}</ol></nav>` : ''}
</body></html>`;
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>${options.title ?? 'A Small Biology Book'}</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${chapters.map((_, c) => `<item id="ch${c + 1}" href="text/ch${c + 1}.xhtml" media-type="application/xhtml+xml"/>`).join('')}</manifest>
<spine>${chapters.map((_, c) => `<itemref idref="ch${c + 1}"/>`).join('')}</spine></package>`;
  return buildZip([
    { name: 'mimetype', data: enc.encode('application/epub+zip'), stored: true },
    {
      name: 'META-INF/container.xml',
      data: enc.encode(
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
      ),
    },
    { name: 'OEBPS/content.opf', data: enc.encode(opf) },
    { name: 'OEBPS/nav.xhtml', data: enc.encode(nav) },
    ...files,
    ...(options.extra ?? []),
  ]);
}

// Background sentences make each printed page long enough to stand alone as a chunk.
const background = (topic: string) =>
  Array.from({ length: 3 }, (_, i) => `Background sentence ${i + 1} about ${topic} adds context for review.`);

export const BOOK: EpubChapter[] = [
  {
    title: 'Cells',
    paragraphs: [
      '[page 1]',
      'Every living thing is made of cells, the smallest units of life.',
      ...background('cells'),
      '[page 2]',
      'The cell membrane is a phospholipid bilayer that controls what enters the cell.',
      ...background('membranes'),
    ],
  },
  {
    title: 'Energy',
    paragraphs: [
      '[page 3]',
      'Mitochondria release energy from glucose through aerobic respiration.',
      ...background('respiration'),
      '[page 4]',
      'Fermentation regenerates NAD+ when oxygen is absent.',
      ...background('fermentation'),
    ],
  },
];

/** A saved web page: navigation, a sidebar, a cookie banner and a footer around an article. */
export function savedWebPage(): string {
  const filler = (sentence: string) => Array.from({ length: 4 }, () => sentence).join(' ');
  return `<!DOCTYPE html><html><head><title>Plate tectonics — Earth Science Notes</title>
<style>body { font-family: serif }</style><script>window.track = "analytics beacon text";</script></head>
<body><header class="site"><a href="/">Earth Science Notes</a> <a href="/login">Sign in</a></header>
<nav class="menu"><ul><li><a href="/rocks">Rocks</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div id="cookie" role="dialog">We use cookies to improve your experience.</div>
<main><article><h1>Plate tectonics</h1>
<p>${filler('The lithosphere is broken into rigid plates that move a few centimetres each year.')}</p>
<h2>Plate boundaries</h2>
<p>${filler('At divergent boundaries plates move apart and new oceanic crust forms at mid-ocean ridges.')}</p>
<ul><li>Convergent boundaries build mountains and trenches.</li><li>Transform boundaries slide past each other.</li></ul>
<h2>Evidence</h2>
<table><tr><th>Evidence</th><th>Observed by</th></tr><tr><td>Seafloor magnetic stripes</td><td>Vine and Matthews</td></tr></table>
<p>${filler('Wegener noticed that the coastlines of South America and Africa fit together like puzzle pieces.')}</p>
</article></main>
<aside class="sidebar"><h3>Related</h3><p>Volcano quiz of the week.</p></aside>
<footer>Copyright 2025 Earth Science Notes. All rights reserved.</footer></body></html>`;
}

export const MARKDOWN_NOTES = `# Genetics

Gregor Mendel bred pea plants to study how traits are inherited.

Background: heredity was argued about for centuries before anyone counted offspring. Mendel counted thousands
of pea plants across eight years, tracking seed shape, seed colour and plant height, and published in 1866.

## Alleles

- A dominant allele masks a recessive one.
- Homozygous organisms carry two identical alleles.

Background: an organism with two different alleles is heterozygous, and its phenotype shows the dominant one.
Recessive traits can skip a generation and reappear when two carriers have offspring together.

## Punnett squares

| Parent | Alleles |
|---|---|
| Father | Aa |

A Punnett square predicts that a cross of two heterozygotes yields a three to one ratio of phenotypes.
`;

/**
 * The smallest package the sniffer takes for PowerPoint: content types naming the presentation part, and a
 * presentation without slides; `extra` entries are added (a bomb's padding, say).
 */
export function minimalPptx(extra: ZipInput[] = []): Uint8Array {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: enc.encode(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
      ),
    },
    {
      name: 'ppt/presentation.xml',
      data: enc.encode(
        '<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldIdLst/></p:presentation>',
      ),
    },
    ...extra,
  ]);
}

/** An OLE2 compound file holding a stream of this name (UTF-16 as in its directory), as Office writes. */
export function ole2With(stream: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(
    Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0]),
    600,
  );
  return bytes;
}

/**
 * A PNG whose header declares width × height grey pixels, with a few kilobytes of compressed rows after it:
 * a decompression bomb's shape (its pixels would take width × height bytes once decoded).
 */
export function pngBomb(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])) >>> 0);
    return Buffer.concat([head, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth 8, colour type 0 (grey)
  const rows = deflateSync(Buffer.alloc((width + 1) * 64));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** HEIC's first bytes: an ISO base media "ftyp" box of brand heic. */
export const HEIC_HEAD = new Uint8Array([
  0,
  0,
  0,
  0x18,
  ...enc.encode('ftypheic'),
  0,
  0,
  0,
  0,
  ...enc.encode('mif1heic'),
]);
