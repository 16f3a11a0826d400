/**
 * A deck as Anki imports it (File → Import, text file): tab-separated, one note per line, with Anki's
 * file headers so no import option has to be set by hand. Fields are HTML (`#html:true`), so text is
 * escaped and a line break is `<br>`; nothing in a field can be a tab, a newline or a quote that Anki's
 * CSV reader would take for structure. Columns: Front, Back (with the source's title and page), Tags.
 */

export interface ExportCard {
  front: string;
  back: string;
  documentTitle: string;
  pageLabel: string;
  kind: string;
}

export interface ParsedNote {
  front: string;
  back: string;
  tags: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function field(text: string): string {
  return text
    .replace(/[&<>"]/g, (ch) => ESCAPES[ch]!)
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>');
}

function unfield(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&(amp|lt|gt|quot);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!);
}

/** An Anki tag: no spaces (they separate tags), `::` for hierarchy. */
export function ankiTag(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\s"]+/g, '_')
      .replace(/[^\p{L}\p{N}_:.-]/gu, '')
      .slice(0, 60) || 'untitled'
  );
}

export function deckToAnkiText(deckTitle: string, cards: ExportCard[]): string {
  const lines = [
    '#separator:Tab',
    '#html:true',
    '#notetype:Basic',
    `#deck:${deckTitle.replace(/[\r\n\t]+/g, ' ')}`,
    '#tags column:3',
    '#columns:Front\tBack\tTags',
  ];
  for (const card of cards) {
    const source = `${card.documentTitle}, p. ${card.pageLabel}`;
    const tags = ['studyroom', `source::${ankiTag(card.documentTitle)}`, `page::${ankiTag(card.pageLabel)}`];
    tags.push(`kind::${card.kind.toLowerCase()}`);
    lines.push(
      [field(card.front), `${field(card.back)}<br><br><small>${field(source)}</small>`, tags.join(' ')].join(
        '\t',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Reads an export back (what Anki's importer does with it): the notes, headers skipped. */
export function parseAnkiText(text: string): ParsedNote[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [front = '', back = '', tags = ''] = line.split('\t');
      return { front: unfield(front), back: unfield(back), tags: tags.split(' ').filter(Boolean) };
    });
}
