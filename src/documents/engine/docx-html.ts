/**
 * Turns mammoth's HTML (a small, regular subset: h1-h6, p, ul/ol/li, table/tr/td, a, sup, br) into
 * markdown-like blocks: `# ` headings, `- ` / `1. ` list items, table rows as ` | `-joined cells. A regex
 * tokenizer is enough because mammoth writes well-formed, attribute-light HTML.
 */

interface TableState {
  rows: string[];
  row: string[] | null;
  cell: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function htmlToBlocks(html: string): string[] {
  const blocks: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  const tables: TableState[] = [];
  let buffer = '';
  let prefix = '';
  let skipDepth = 0;

  const append = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell != null) table.cell += text;
    else buffer += text;
  };
  const flush = () => {
    const text = buffer.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) blocks.push(prefix + text);
    buffer = '';
    prefix = '';
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (skipDepth === 0) append(decode(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === 'a') {
      // Footnote back-links ("↑") are navigation, not content.
      if (!closing && /href="#(foot|end)note-ref/.test(attrs)) skipDepth++;
      else if (closing && skipDepth > 0) skipDepth--;
      continue;
    }
    const table = tables[tables.length - 1];
    const inCell = table?.cell != null;
    if (/^h[1-6]$/.test(tag)) {
      if (inCell) append(' ');
      else {
        flush();
        if (!closing) prefix = `${'#'.repeat(Number(tag[1]))} `;
      }
    } else if (tag === 'p' || tag === 'div') {
      if (inCell) append(' ');
      // Inside a list item the <p> must not discard the item's "- " / "1. " prefix.
      else if (closing ? lists.length === 0 : buffer.trim() !== '') flush();
    } else if (tag === 'br') append(inCell ? ' ' : '\n');
    else if (tag === 'ul' || tag === 'ol') {
      if (inCell) continue;
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
    } else if (tag === 'li') {
      if (inCell) {
        append(' ');
        continue;
      }
      flush();
      if (closing) continue;
      const list = lists[lists.length - 1];
      const note = /id="(foot|end)note-\d+"/.test(attrs);
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      // Notes are numbered by position, as mammoth numbers their [n] references in the body.
      if (note && list) prefix = `[${++list.count}] `;
      else if (list?.ordered) prefix = `${indent}${++list.count}. `;
      else prefix = `${indent}- `;
    } else if (tag === 'table') {
      if (!closing) {
        if (!inCell) flush();
        tables.push({ rows: [], row: null, cell: null });
        continue;
      }
      const done = tables.pop();
      if (!done) continue;
      // A nested table is flattened into its parent's cell; a top-level one becomes one block of rows.
      if (tables.length > 0) append(` ${done.rows.join('; ')} `);
      else if (done.rows.length > 0) blocks.push(done.rows.join('\n'));
    } else if (tag === 'tr' && table) {
      if (!closing) table.row = [];
      else if (table.row) {
        if (table.row.some((c) => c !== '')) table.rows.push(table.row.join(' | '));
        table.row = null;
      }
    } else if ((tag === 'td' || tag === 'th') && table) {
      if (!closing) table.cell = '';
      else if (table.cell != null) {
        table.row?.push(table.cell.replace(/\s+/g, ' ').trim());
        table.cell = null;
      }
    }
  }
  flush();
  return blocks;
}
