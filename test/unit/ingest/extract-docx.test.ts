import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { chunkPages } from '../../../src/documents/engine/chunk.ts';
import { cleanPages } from '../../../src/documents/engine/clean.ts';
import { extractDocx } from '../../../src/documents/engine/extract-docx.ts';
import { buildZip, deflatedZeros, minimalDocx } from './fixtures.ts';

async function studyGuide(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Cell Biology', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Organelles', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Cells contain specialised structures called organelles.'),
          new Paragraph({ text: 'Nucleus', bullet: { level: 0 } }),
          new Paragraph({ text: 'Mitochondria', bullet: { level: 0 } }),
          new Paragraph({ text: 'Stain the sample.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Focus the microscope.', numbering: { reference: 'steps', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Organelle'), cell('Function')] }),
              new TableRow({ children: [cell('Ribosome'), cell('Protein synthesis')] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('extractDocx', () => {
  it('keeps headings, lists and tables as structure', async () => {
    const doc = await extractDocx(await studyGuide());
    const text = doc.pages[0].text;
    expect(doc.title).toBe('Cell Biology');
    expect(text).toContain('# Cell Biology\n\n## Organelles');
    expect(text).toContain('- Nucleus\n\n- Mitochondria');
    expect(text).toContain('1. Stain the sample.\n\n2. Focus the microscope.');
    expect(text).toContain('Organelle | Function\nRibosome | Protein synthesis');
    const chunks = chunkPages(cleanPages(doc.pages, { removeRunningHeads: false, unwrapLines: false }));
    expect(chunks[0].headingPath).toEqual(['Cell Biology', 'Organelles']);
  });

  it('rejects a zip bomb from its directory, fast, without inflating it', async () => {
    const bomb = minimalDocx('tiny', [
      {
        name: 'word/media/padding.bin',
        data: new Uint8Array(0),
        deflated: deflatedZeros(300),
        declaredSize: 300 << 20,
      },
    ]);
    expect(bomb.length).toBeLessThan(2 << 20);
    const started = performance.now();
    await expect(extractDocx(bomb)).rejects.toMatchObject({
      code: 'ZIP_BOMB',
      message: 'The Word file expands to more than 200 MB; it looks like a zip bomb and was rejected.',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('catches a part that inflates past its declared size', async () => {
    const enc = new TextEncoder();
    const liar = buildZip([
      { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(0), deflated: deflatedZeros(50), declaredSize: 1000 },
    ]);
    await expect(extractDocx(liar)).rejects.toMatchObject({ code: 'ZIP_BOMB' });
  });

  it('reports a corrupted part and a truncated archive as damaged', async () => {
    const good = new TextEncoder().encode('<w:document/>');
    const badCrc = minimalDocx('x', [{ name: 'word/styles.xml', data: good, crc: 0x1234 }]);
    await expect(extractDocx(badCrc)).rejects.toMatchObject({
      code: 'DAMAGED',
      message: 'The Word file is damaged and could not be read.',
    });
    const whole = minimalDocx('Some text');
    await expect(extractDocx(whole.subarray(0, whole.length - 30))).rejects.toMatchObject({
      code: 'DAMAGED',
    });
  });

  it('returns no pages, not an error, for an empty document', async () => {
    const doc = await extractDocx(minimalDocx(''));
    expect(doc.pageCount).toBe(0);
  });

  it('cuts long documents into ~3,000-character pages at paragraph boundaries', async () => {
    const sentence = 'Enzymes lower the activation energy of reactions. ';
    const paragraphs = Array.from({ length: 40 }, (_, i) => new Paragraph(`${i + 1}. ${sentence.repeat(4)}`));
    const bytes = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })),
    );
    const doc = await extractDocx(bytes);
    expect(doc.pageCount).toBeGreaterThan(2);
    for (const page of doc.pages) {
      expect(page.text.length).toBeLessThanOrEqual(3000);
      expect(page.text).toMatch(/^\d+\. Enzymes/);
    }
  });
});
