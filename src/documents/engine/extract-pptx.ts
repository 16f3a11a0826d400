/**
 * PowerPoint (.pptx): one page per visible slide, read from the package XML (zip guard, fast-xml-parser).
 * Shapes, grouped shapes and table rows are read top to bottom, left to right, the title first; each
 * paragraph is a line whose box is its shape's (or table row's) frame normalised to the slide, so a
 * citation highlights the shape it quotes. Speaker notes follow under a "Speaker notes" heading, without
 * boxes (they are not on the slide). Hidden slides are skipped; the page label is the slide's number in
 * the deck, so "slide 7" means what PowerPoint shows.
 */
import { posix } from 'node:path';
import { INGEST_LIMITS } from './limits.ts';
import {
  type ExtractedDocument,
  type ExtractedPage,
  ExtractionError,
  type ExtractionLimits,
  type PageHeading,
  type PageLine,
} from './types.ts';
import { children, descendants, parseXml, path, textContent, type XmlNode } from './xml.ts';
import { openZipPackage, type ZipPackage } from './zip-package.ts';

export const PPTX_MESSAGES = {
  damaged: 'The PowerPoint file is damaged and could not be read.',
  password:
    'This PowerPoint file is password-protected; remove the password in PowerPoint and upload it again.',
  notPowerPoint:
    'The file is a zip archive but not a PowerPoint presentation (it has no ppt/presentation.xml).',
  noSlides: 'The presentation has no visible slides (hidden slides are skipped).',
  noText: 'The slides hold no text (text inside pictures is not read); add the text or upload a PDF export.',
} as const;

export const NOTES_HEADING = 'Speaker notes';
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const EMU_PER_POINT = 12_700;
// Slide furniture: numbers, footers and dates repeat on every slide and say nothing about it.
const FURNITURE = new Set(['sldNum', 'ftr', 'dt', 'sldImg']);
const TITLES = new Set(['title', 'ctrTitle']);

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A run of text at one place on the slide: a shape's paragraphs, or one table row. */
interface Placed {
  frame: Frame;
  lines: string[];
  title: boolean;
}

interface Placeholders {
  byIdx: Map<string, Frame>;
  byType: Map<string, Frame>;
}

function damaged(): ExtractionError {
  return new ExtractionError('DAMAGED', PPTX_MESSAGES.damaged);
}

function xmlPart(pkg: ZipPackage, name: string): XmlNode | undefined {
  const text = pkg.text(name);
  return text === undefined ? undefined : parseXml(text, PPTX_MESSAGES.damaged);
}

/** Relationship id → target part name, for the part `name`. */
function relationships(pkg: ZipPackage, name: string): Map<string, { type: string; target: string }> {
  const rels = xmlPart(pkg, posix.join(posix.dirname(name), '_rels', `${posix.basename(name)}.rels`));
  const out = new Map<string, { type: string; target: string }>();
  for (const rel of children(rels, 'Relationship')) {
    const target = rel.attrs.Target ?? '';
    if (rel.attrs.TargetMode === 'External') continue;
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : posix.normalize(posix.join(posix.dirname(name), target));
    out.set(rel.attrs.Id ?? '', { type: rel.attrs.Type ?? '', target: resolved });
  }
  return out;
}

function relOfType(rels: Map<string, { type: string; target: string }>, suffix: string) {
  return [...rels.values()].find((r) => r.type.endsWith(`/${suffix}`))?.target;
}

function num(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function frameOf(xfrm: XmlNode | undefined): Frame | undefined {
  const off = path(xfrm, 'off');
  const ext = path(xfrm, 'ext');
  if (!off || !ext) return undefined;
  return { x: num(off.attrs.x), y: num(off.attrs.y), w: num(ext.attrs.cx), h: num(ext.attrs.cy) };
}

function placeholderOf(shape: XmlNode): { type: string; idx?: string } | undefined {
  const ph = path(shape, 'nvSpPr', 'nvPr', 'ph') ?? path(shape, 'nvGraphicFramePr', 'nvPr', 'ph');
  if (!ph) return undefined;
  return { type: ph.attrs.type ?? 'body', ...(ph.attrs.idx !== undefined ? { idx: ph.attrs.idx } : {}) };
}

/** Where a layout's or master's placeholders sit, for slide placeholders that inherit their position. */
function placeholders(root: XmlNode | undefined): Placeholders {
  const found: Placeholders = { byIdx: new Map(), byType: new Map() };
  for (const shape of descendants(root ?? { name: '', local: '', attrs: {}, children: [] }, 'sp')) {
    const ph = placeholderOf(shape);
    const frame = frameOf(path(shape, 'spPr', 'xfrm'));
    if (!ph || !frame) continue;
    if (ph.idx !== undefined && !found.byIdx.has(ph.idx)) found.byIdx.set(ph.idx, frame);
    if (!found.byType.has(ph.type)) found.byType.set(ph.type, frame);
  }
  return found;
}

/** A paragraph's text: runs, fields and line breaks in order; bullets and levels as text indents. */
function paragraphLines(p: XmlNode, bulleted: boolean, counter: { n: number }): string[] {
  let text = '';
  for (const part of p.children) {
    if (part.local === 'r' || part.local === 'fld') text += textContent(path(part, 't') ?? part);
    else if (part.local === 'br') text += '\n';
  }
  const pPr = path(p, 'pPr');
  const level = num(pPr?.attrs.lvl);
  const explicit = pPr?.children.find((c) => ['buChar', 'buAutoNum', 'buNone'].includes(c.local))?.local;
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length === 0) return [];
  const indent = '  '.repeat(level);
  if (explicit === 'buAutoNum') lines[0] = `${indent}${++counter.n}. ${lines[0]}`;
  else if (explicit === 'buChar' || (bulleted && explicit !== 'buNone')) lines[0] = `${indent}- ${lines[0]}`;
  return lines;
}

function bodyLines(txBody: XmlNode | undefined, bulleted: boolean): string[] {
  const counter = { n: 0 };
  return children(txBody, 'p').flatMap((p) => paragraphLines(p, bulleted, counter));
}

/** A group's children are placed in the group's own coordinates; this maps them onto the slide. */
type Transform = (frame: Frame) => Frame;
const identity: Transform = (f) => f;

function groupTransform(group: XmlNode, outer: Transform): Transform {
  const xfrm = path(group, 'grpSpPr', 'xfrm');
  const own = frameOf(xfrm);
  const chOff = path(xfrm, 'chOff');
  const chExt = path(xfrm, 'chExt');
  if (!own || !chOff || !chExt || num(chExt.attrs.cx) === 0 || num(chExt.attrs.cy) === 0) return outer;
  const sx = own.w / num(chExt.attrs.cx);
  const sy = own.h / num(chExt.attrs.cy);
  const cx = num(chOff.attrs.x);
  const cy = num(chOff.attrs.y);
  return (f) => outer({ x: own.x + (f.x - cx) * sx, y: own.y + (f.y - cy) * sy, w: f.w * sx, h: f.h * sy });
}

function tableRows(frame: XmlNode, at: Frame): Placed[] {
  const table = descendants(frame, 'tbl')[0];
  if (!table) return [];
  const rows = children(table, 'tr');
  const declared = rows.map((r) => num(r.attrs.h));
  const total = declared.reduce((a, b) => a + b, 0);
  // Generators often leave row heights to PowerPoint (h="0"): share the frame's height evenly then.
  const heights = total > 0 ? declared.map((h) => (h / total) * at.h) : rows.map(() => at.h / rows.length);
  const placed: Placed[] = [];
  let y = at.y;
  rows.forEach((row, i) => {
    const cells = children(row, 'tc').map((tc) => bodyLines(path(tc, 'txBody'), false).join(' '));
    if (cells.some((c) => c !== '')) {
      placed.push({
        frame: { x: at.x, y, w: at.w, h: heights[i] },
        lines: [cells.join(' | ')],
        title: false,
      });
    }
    y += heights[i];
  });
  return placed;
}

interface SlideContext {
  layout: Placeholders;
  master: Placeholders;
  slide: Frame;
}

function collect(tree: XmlNode, transform: Transform, ctx: SlideContext, out: Placed[], tables: Placed[][]) {
  for (const node of tree.children) {
    if (node.local === 'grpSp') collect(node, groupTransform(node, transform), ctx, out, tables);
    else if (node.local === 'sp') {
      const ph = placeholderOf(node);
      if (ph && FURNITURE.has(ph.type)) continue;
      const inherited = ph
        ? ((ph.idx !== undefined
            ? (ctx.layout.byIdx.get(ph.idx) ?? ctx.master.byIdx.get(ph.idx))
            : undefined) ??
          ctx.layout.byType.get(ph.type) ??
          ctx.master.byType.get(ph.type))
        : undefined;
      const own = frameOf(path(node, 'spPr', 'xfrm'));
      const frame = own ? transform(own) : (inherited ?? ctx.slide);
      const title = ph !== undefined && TITLES.has(ph.type);
      const bulleted = ph !== undefined && !title && (ph.type === 'body' || ph.type === 'obj');
      const lines = bodyLines(path(node, 'txBody'), bulleted);
      if (lines.length === 0) continue;
      out.push({ frame, lines: title ? [lines.join(' ')] : lines, title });
    } else if (node.local === 'graphicFrame') {
      const own = frameOf(path(node, 'xfrm'));
      const rows = tableRows(node, own ? transform(own) : ctx.slide);
      if (rows.length > 0) tables.push(rows);
    }
  }
}

/**
 * Reading order: the title first, then top to bottom; things whose tops are level (within half the
 * shorter one's height) are a row, read left to right, so two columns side by side read left one first.
 */
function readingOrder(items: { frame: Frame; title: boolean }[]): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].frame.y - items[b].frame.y);
  const rows: number[][] = [];
  for (const i of order) {
    const row = rows[rows.length - 1];
    const first = row ? items[row[0]].frame : undefined;
    const f = items[i].frame;
    if (first && f.y - first.y < 0.5 * Math.max(1, Math.min(first.h, f.h))) row.push(i);
    else rows.push([i]);
  }
  const sorted = rows.flatMap((row) => row.sort((a, b) => items[a].frame.x - items[b].frame.x));
  return [...sorted.filter((i) => items[i].title), ...sorted.filter((i) => !items[i].title)];
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

function buildPage(
  number: number,
  label: string,
  blocks: Placed[][],
  notes: string[],
  slide: Frame,
): ExtractedPage {
  let text = '';
  const lines: PageLine[] = [];
  const headings: PageHeading[] = [];
  const add = (line: string) => {
    const start = text.length;
    text += line;
    return start;
  };
  for (const block of blocks) {
    if (text) add('\n\n');
    block.forEach((placed, b) => {
      placed.lines.forEach((line, l) => {
        if (b > 0 || l > 0) add('\n');
        const charStart = add(line);
        const { x, y, w, h } = placed.frame;
        const left = round(x / slide.w);
        const top = round(y / slide.h);
        const rect = {
          x: left,
          y: top,
          width: round(round((x + w) / slide.w) - left),
          height: round(round((y + h) / slide.h) - top),
        };
        lines.push({
          text: line,
          charStart,
          charEnd: charStart + line.length,
          box: {
            x: x / EMU_PER_POINT,
            y: (slide.h - y - h) / EMU_PER_POINT,
            width: w / EMU_PER_POINT,
            height: h / EMU_PER_POINT,
          },
          rect,
        });
        if (placed.title) headings.push({ charStart, level: 1, title: line });
      });
    });
  }
  if (notes.length > 0) {
    if (text) add('\n\n');
    headings.push({ charStart: add(NOTES_HEADING), level: 2, title: NOTES_HEADING });
    add('\n\n');
    add(notes.join('\n'));
  }
  return {
    number,
    text,
    lines,
    label,
    width: slide.w / EMU_PER_POINT,
    height: slide.h / EMU_PER_POINT,
    ...(headings.length > 0 ? { headings } : {}),
  };
}

export function extractPptx(bytes: Uint8Array, limits: ExtractionLimits = {}): ExtractedDocument {
  const { maxPages, maxChars, maxDocxBytes } = { ...INGEST_LIMITS, ...limits };
  if (OLE2.every((b, i) => bytes[i] === b))
    throw new ExtractionError('PASSWORD_PROTECTED', PPTX_MESSAGES.password);
  const pkg = openZipPackage(bytes, {
    what: 'PowerPoint file',
    maxBytes: maxDocxBytes,
    damaged: PPTX_MESSAGES.damaged,
  });
  const presentation = xmlPart(pkg, 'ppt/presentation.xml');
  if (!presentation) throw new ExtractionError('UNSUPPORTED_TYPE', PPTX_MESSAGES.notPowerPoint);
  const size = path(presentation, 'sldSz');
  const slideFrame: Frame = {
    x: 0,
    y: 0,
    w: num(size?.attrs.cx) || 9_144_000,
    h: num(size?.attrs.cy) || 6_858_000,
  };
  const rels = relationships(pkg, 'ppt/presentation.xml');
  const slideParts = children(path(presentation, 'sldIdLst'), 'sldId').map(
    (s) => rels.get(s.attrs['r:id'] ?? '')?.target,
  );
  if (slideParts.length > maxPages) {
    throw new ExtractionError(
      'TOO_MANY_PAGES',
      `The presentation has ${slideParts.length} slides; the limit is ${maxPages}.`,
    );
  }
  const pages: ExtractedPage[] = [];
  const layouts = new Map<string, SlideContext>();
  let chars = 0;
  slideParts.forEach((part, i) => {
    if (!part) throw damaged();
    const slide = xmlPart(pkg, part);
    if (!slide) throw damaged();
    if (slide.attrs.show === '0') return;
    const slideRels = relationships(pkg, part);
    const layoutPart = relOfType(slideRels, 'slideLayout');
    let ctx = layoutPart ? layouts.get(layoutPart) : undefined;
    if (!ctx) {
      const layout = layoutPart ? xmlPart(pkg, layoutPart) : undefined;
      const masterPart = layoutPart ? relOfType(relationships(pkg, layoutPart), 'slideMaster') : undefined;
      ctx = {
        layout: placeholders(layout),
        master: placeholders(masterPart ? xmlPart(pkg, masterPart) : undefined),
        slide: slideFrame,
      };
      if (layoutPart) layouts.set(layoutPart, ctx);
    }
    const tree = path(slide, 'cSld', 'spTree');
    const shapes: Placed[] = [];
    const tables: Placed[][] = [];
    if (tree) collect(tree, identity, ctx, shapes, tables);
    // Each shape is a block; a table is one block of rows, placed where its first row is.
    const blocks: Placed[][] = [...shapes.map((s) => [s]), ...tables];
    const order = readingOrder(blocks.map((b) => ({ frame: b[0].frame, title: b[0].title })));
    const notesPart = relOfType(slideRels, 'notesSlide');
    const notesTree = notesPart ? path(xmlPart(pkg, notesPart), 'cSld', 'spTree') : undefined;
    const notes = notesTree
      ? descendants(notesTree, 'sp')
          .filter((sp) => placeholderOf(sp)?.type === 'body')
          .flatMap((sp) => bodyLines(path(sp, 'txBody'), false))
      : [];
    const page = buildPage(
      pages.length + 1,
      String(i + 1),
      order.map((k) => blocks[k]),
      notes,
      slideFrame,
    );
    chars += page.text.length;
    if (chars > maxChars) {
      throw new ExtractionError(
        'TOO_MUCH_TEXT',
        `The presentation holds more than ${maxChars.toLocaleString('en')} characters of text, over the limit.`,
      );
    }
    pages.push(page);
  });
  if (pages.length === 0) throw new ExtractionError('NO_TEXT', PPTX_MESSAGES.noSlides);
  if (pages.every((p) => p.text.trim() === '')) throw new ExtractionError('NO_TEXT', PPTX_MESSAGES.noText);
  const title = pages.flatMap((p) => p.headings ?? []).find((h) => h.level === 1)?.title;
  return {
    kind: 'pptx',
    pages,
    pageCount: pages.length,
    pageCountEstimated: false,
    ...(title ? { title } : {}),
  };
}
