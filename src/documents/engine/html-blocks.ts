/**
 * An HTML (or XHTML) DOM as the blocks every text format becomes: `# ` headings by level, `- ` / `1. `
 * list items indented by depth, table rows as ` | `-joined cells in one block, paragraphs; scripts, styles,
 * navigation, forms and hidden elements dropped. The walk is iterative, so a page nested 100,000 elements
 * deep cannot overflow the stack. EPUB page-break anchors come out as markers between blocks.
 */

export type HtmlItem = { block: string } | { pageBreak: string };

/** The DOM surface used here; linkedom's nodes provide it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'DL',
  'DT',
  'DD',
  'CAPTION',
  'BODY',
  'HTML',
  'HR',
  'DETAILS',
  'SUMMARY',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);

function attr(node: DomNode, name: string): string | null {
  return node.getAttribute?.(name) ?? null;
}

function dropped(node: DomNode): boolean {
  const name = node.nodeName.toUpperCase();
  if (DROPPED.has(name)) return true;
  if (attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') return true;
  const role = attr(node, 'role');
  return role !== null && DROPPED_ROLES.has(role);
}

function pageBreakLabel(node: DomNode, anchors?: Map<string, string>): string | undefined {
  const id = attr(node, 'id');
  if (id && anchors?.has(id)) return anchors.get(id);
  const type = `${attr(node, 'epub:type') ?? ''} ${attr(node, 'role') ?? ''}`;
  if (/\b(pagebreak|doc-pagebreak)\b/.test(type)) {
    const label = attr(node, 'aria-label') ?? attr(node, 'title') ?? node.textContent ?? '';
    return label.trim() || undefined;
  }
  return undefined;
}

interface TableState {
  rows: string[];
  row: string[] | null;
  cell: string | null;
}

export function htmlBlocks(root: DomNode, options: { pageAnchors?: Map<string, string> } = {}): HtmlItem[] {
  const items: HtmlItem[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  const tables: TableState[] = [];
  let buffer = '';
  let prefix = '';
  let pre = 0;

  const append = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell != null) table.cell += text;
    else buffer += text;
  };
  const inCell = () => tables[tables.length - 1]?.cell != null;
  const flush = () => {
    const text = pre > 0 ? buffer.replace(/^\n+|\s+$/g, '') : buffer.replace(/[ \t\u00a0\r\n]+/g, ' ').trim();
    if (text) items.push({ block: prefix + text });
    buffer = '';
    prefix = '';
  };

  const enter = (node: DomNode): boolean => {
    if (node.nodeType === 3) {
      append(node.textContent ?? '');
      return false;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return false;
    if (node.nodeType === 1 && dropped(node)) return false;
    const label = node.nodeType === 1 ? pageBreakLabel(node, options.pageAnchors) : undefined;
    if (label !== undefined) {
      if (!inCell()) flush();
      items.push({ pageBreak: label });
      // A page-break span's own text is the page number, not content.
      if (/pagebreak/.test(`${attr(node, 'epub:type') ?? ''} ${attr(node, 'role') ?? ''}`)) return false;
    }
    const name = node.nodeName.toUpperCase();
    if (/^H[1-6]$/.test(name)) {
      if (inCell()) append(' ');
      else {
        flush();
        prefix = `${'#'.repeat(Number(name[1]))} `;
      }
    } else if (name === 'BR') append(inCell() ? ' ' : '\n');
    else if (name === 'PRE') {
      if (!inCell()) flush();
      pre++;
    } else if (name === 'UL' || name === 'OL') {
      if (!inCell()) {
        flush();
        lists.push({ ordered: name === 'OL', count: 0 });
      }
    } else if (name === 'LI') {
      if (inCell()) append(' ');
      else {
        flush();
        const list = lists[lists.length - 1];
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        prefix = list?.ordered ? `${indent}${++list.count}. ` : `${indent}- `;
      }
    } else if (name === 'TABLE') {
      if (!inCell()) flush();
      tables.push({ rows: [], row: null, cell: null });
    } else if (name === 'TR') {
      const table = tables[tables.length - 1];
      if (table) table.row = [];
    } else if (name === 'TD' || name === 'TH') {
      const table = tables[tables.length - 1];
      if (table) table.cell = '';
    } else if (BLOCKS.has(name)) {
      if (inCell()) append(' ');
      // Inside a list item a <p> must not discard the item's "- " prefix.
      else if (lists.length === 0 || buffer.trim() !== '') flush();
    } else if (name === 'IMG') {
      return false;
    }
    return true;
  };

  const leave = (node: DomNode) => {
    const name = node.nodeName.toUpperCase();
    if (/^H[1-6]$/.test(name)) {
      if (!inCell()) flush();
    } else if (name === 'PRE') {
      if (!inCell()) flush();
      pre--;
    } else if (name === 'UL' || name === 'OL') {
      if (!inCell()) {
        flush();
        lists.pop();
      }
    } else if (name === 'LI') {
      if (!inCell()) flush();
    } else if (name === 'TD' || name === 'TH') {
      const table = tables[tables.length - 1];
      if (table?.cell != null) {
        table.row?.push(table.cell.replace(/\s+/g, ' ').trim());
        table.cell = null;
      }
    } else if (name === 'TR') {
      const table = tables[tables.length - 1];
      if (table?.row) {
        if (table.row.some((c) => c !== '')) table.rows.push(table.row.join(' | '));
        table.row = null;
      }
    } else if (name === 'TABLE') {
      const done = tables.pop();
      if (!done) return;
      // A nested table is flattened into its parent's cell; a top-level one becomes one block of rows.
      if (tables.length > 0) append(` ${done.rows.join('; ')} `);
      else if (done.rows.length > 0) items.push({ block: done.rows.join('\n') });
    } else if (BLOCKS.has(name) && !inCell() && lists.length === 0) flush();
  };

  // Depth-first with an explicit stack: [node, entered] pairs.
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top[1]) {
      stack.pop();
      leave(top[0]);
      continue;
    }
    top[1] = true;
    if (!enter(top[0])) {
      stack.pop();
      continue;
    }
    const kids = top[0].childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  flush();
  return items;
}

/** The blocks alone, for formats without page breaks. */
export function blocksOf(items: HtmlItem[]): string[] {
  return items.flatMap((item) => ('block' in item ? [item.block] : []));
}
