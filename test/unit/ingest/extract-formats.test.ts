/**
 * What the API tests' generated fixtures cannot show: PowerPoint group shapes (pptxgenjs writes none) and
 * placeholders that inherit their position from the layout, and an EPUB 2 book whose page list is in its NCX.
 * The packages are written by hand, part by part, with the tests' zip writer.
 */
import { describe, expect, it } from 'vitest';
import { extractEpub } from '../../../src/documents/engine/extract-epub.ts';
import { extractPptx, NOTES_HEADING } from '../../../src/documents/engine/extract-pptx.ts';
import { buildZip } from './fixtures.ts';

const enc = new TextEncoder();
const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMU = 914_400; // per inch

const xfrm = (x: number, y: number, w: number, h: number, tag = 'a:xfrm', child = '') =>
  `<${tag}><a:off x="${x * EMU}" y="${y * EMU}"/><a:ext cx="${w * EMU}" cy="${h * EMU}"/>${child}</${tag}>`;
const paragraphs = (...texts: string[]) =>
  `<p:txBody><a:bodyPr/>${texts.map((t) => `<a:p><a:r><a:t>${t}</a:t></a:r></a:p>`).join('')}</p:txBody>`;
const shape = (ph: string, position: string, ...texts: string[]) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="1" name="s"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${position}</p:spPr>${paragraphs(...texts)}</p:sp>`;

/** A 10 × 5 in deck of one slide: an inherited title, a group of two shapes (the right one first), notes. */
function groupedDeck(): Uint8Array {
  const group =
    '<p:grpSp><p:nvGrpSpPr><p:cNvPr id="5" name="g"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>' +
    // The group occupies x 1..9 in, y 2..4 in of the slide; its children use a 0..4 by 0..1 space.
    xfrm(1, 2, 8, 2, 'a:xfrm', '<a:chOff x="0" y="0"/><a:chExt cx="3657600" cy="914400"/>') +
    '</p:grpSpPr>' +
    shape('', xfrm(2, 0, 2, 1), 'Grouped right: Krebs cycle') +
    shape('', xfrm(0, 0, 2, 1), 'Grouped left: glycolysis') +
    '</p:grpSp>';
  const slide = `<p:sld ${P} ${A} ${R}><p:cSld><p:spTree>${shape('<p:ph type="title"/>', '', 'Respiration')}${group}${shape('<p:ph type="sldNum" idx="12"/>', '', '7')}</p:spTree></p:cSld></p:sld>`;
  const layout = `<p:sldLayout ${P} ${A}><p:cSld><p:spTree>${shape('<p:ph type="title"/>', xfrm(0.5, 0.25, 9, 1))}</p:spTree></p:cSld></p:sldLayout>`;
  const notes = `<p:notes ${P} ${A}><p:cSld><p:spTree>${shape('<p:ph type="body" idx="1"/>', '', 'Ask who has heard of ATP.')}</p:spTree></p:cSld></p:notes>`;
  const rels = (...rs: [string, string][]) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rs.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: enc.encode(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
      ),
    },
    {
      name: 'ppt/presentation.xml',
      data: enc.encode(
        `<p:presentation ${P} ${R}><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst><p:sldSz cx="${10 * EMU}" cy="${5 * EMU}"/></p:presentation>`,
      ),
    },
    { name: 'ppt/_rels/presentation.xml.rels', data: enc.encode(rels(['slide', 'slides/slide1.xml'])) },
    { name: 'ppt/slides/slide1.xml', data: enc.encode(slide) },
    {
      name: 'ppt/slides/_rels/slide1.xml.rels',
      data: enc.encode(
        rels(
          ['slideLayout', '../slideLayouts/slideLayout1.xml'],
          ['notesSlide', '../notesSlides/notesSlide1.xml'],
        ),
      ),
    },
    { name: 'ppt/slideLayouts/slideLayout1.xml', data: enc.encode(layout) },
    { name: 'ppt/notesSlides/notesSlide1.xml', data: enc.encode(notes) },
  ]);
}

describe('extractPptx', () => {
  it('places grouped shapes through the group transform, reads them left to right, inherits the title position', () => {
    const doc = extractPptx(groupedDeck());
    expect(doc.pageCount).toBe(1);
    const page = doc.pages[0];
    expect(page.text).toBe(
      `Respiration\n\nGrouped left: glycolysis\n\nGrouped right: Krebs cycle\n\n${NOTES_HEADING}\n\nAsk who has heard of ATP.`,
    );
    expect(page.headings).toEqual([
      { charStart: 0, level: 1, title: 'Respiration' },
      { charStart: page.text.indexOf(NOTES_HEADING), level: 2, title: NOTES_HEADING },
    ]);
    const rect = (text: string) => page.lines!.find((l) => l.text.startsWith(text))!.rect;
    // The title has no position of its own: the layout's (0.5, 0.25, 9 × 1 in) on a 10 × 5 in slide.
    expect(rect('Respiration')).toEqual({ x: 0.05, y: 0.05, width: 0.9, height: 0.2 });
    // Child x 0..2 of a 0..4 space mapped onto slide x 1..9: the left half, 1..5 in; y 2..4 in.
    expect(rect('Grouped left')).toEqual({ x: 0.1, y: 0.4, width: 0.4, height: 0.4 });
    expect(rect('Grouped right')).toEqual({ x: 0.5, y: 0.4, width: 0.4, height: 0.4 });
    // The slide number placeholder is furniture; notes have no box on the slide.
    expect(page.lines!.map((l) => l.text)).toEqual([
      'Respiration',
      'Grouped left: glycolysis',
      'Grouped right: Krebs cycle',
    ]);
  });
});

describe('extractEpub', () => {
  it('reads an EPUB 2 page list from the NCX and the chapter titles from its navMap', () => {
    const chapter = (n: number, body: string) => ({
      name: `OPS/ch${n}.html`,
      data: enc.encode(
        `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`,
      ),
    });
    const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="n1" playOrder="1"><navLabel><text>Soil</text></navLabel><content src="ch1.html"/></navPoint>
<navPoint id="n2" playOrder="2"><navLabel><text>Water</text></navLabel><content src="ch2.html"/></navPoint></navMap>
<pageList><pageTarget type="normal" value="11" id="p11"><navLabel><text>11</text></navLabel><content src="ch1.html#page11"/></pageTarget>
<pageTarget type="normal" value="12" id="p12"><navLabel><text>12</text></navLabel><content src="ch2.html#page12"/></pageTarget></pageList></ncx>`;
    const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Field Notes</dc:title></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="c1" href="ch1.html" media-type="application/xhtml+xml"/><item id="c2" href="ch2.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="c2" linear="yes"/><itemref idref="c1"/></spine></package>`;
    const book = buildZip([
      { name: 'mimetype', data: enc.encode('application/epub+zip'), stored: true },
      {
        name: 'META-INF/container.xml',
        data: enc.encode(
          '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        ),
      },
      { name: 'OPS/content.opf', data: enc.encode(opf) },
      { name: 'OPS/toc.ncx', data: enc.encode(ncx) },
      chapter(1, '<a id="page11"/><p>Loam&nbsp;mixes sand, silt and clay.</p>'),
      chapter(2, '<a id="page12"></a><p>Groundwater fills the pores of rock &mdash; aquifers.</p>'),
    ]);
    const doc = extractEpub(book);
    expect(doc).toMatchObject({ title: 'Field Notes', pageCount: 2, pageCountEstimated: false });
    // Spine order (Water before Soil), labels from the page list, titles from the navMap, entities decoded.
    expect(doc.pages.map((p) => [p.label, p.text])).toEqual([
      ['12', '# Water\n\nGroundwater fills the pores of rock \u2014 aquifers.'],
      ['11', '# Soil\n\nLoam mixes sand, silt and clay.'],
    ]);
  });
});
