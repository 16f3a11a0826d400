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

function pageBreakType(node: DomNode): string {
  return `${attr(node, 'epub:type') ?? ''} ${attr(node, 'role') ?? ''}`;
}

function pageBreakLabel(node: DomNode, anchors?: Map<string, string>): string | undefined {
  const id = attr(node, 'id');
  if (id && anchors?.has(id)) return anchors.get(id);
  if (/\b(pagebreak|doc-pagebreak)\b/.test(pageBreakType(node))) {
    const label = attr(node, 'aria-label') ?? attr(node, 'title') ?? node.textContent ?? '';
    return label.trim() || undefined;
  }
  return undefined;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Element, document and document fragment: the nodes whose children are walked. */
const PARENT_NODES = new Set([ELEMENT_NODE, 9, 11]);

interface TableState {
  rows: string[];
  row: string[] | null;
  cell: string | null;
}

export function htmlBlocks(root: DomNode, options: { pageAnchors?: Map<string, string> } = {}): HtmlItem[] {
  const writer = new BlockWriter(options.pageAnchors);
  walkDepthFirst(
    root,
    (node) => writer.enter(node),
    (node) => writer.leave(node),
  );
  return writer.finish();
}

/**
 * Depth first with an explicit stack of [node, entered] pairs: `enter` says whether to walk a node's
 * children, and `leave` runs after them.
 */
function walkDepthFirst(root: DomNode, enter: (node: DomNode) => boolean, leave: (node: DomNode) => void) {
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
}

/**
 * The blocks written so far and the open ones: the text of the current block and its prefix (`# `, `- `),
 * the open lists and tables, and whether the walk is inside <pre>. Inside a table cell, block elements
 * only add a space: the cell's text becomes part of its row.
 */
class BlockWriter {
  private readonly items: HtmlItem[] = [];
  private readonly lists: { ordered: boolean; count: number }[] = [];
  private readonly tables: TableState[] = [];
  private readonly pageAnchors?: Map<string, string>;
  private buffer = '';
  private prefix = '';
  private pre = 0;

  constructor(pageAnchors?: Map<string, string>) {
    this.pageAnchors = pageAnchors;
  }

  /** Handles a node on the way down; false when its children are to be skipped. */
  enter(node: DomNode): boolean {
    if (node.nodeType === TEXT_NODE) {
      this.append(node.textContent ?? '');
      return false;
    }
    if (!PARENT_NODES.has(node.nodeType)) return false;
    if (node.nodeType === ELEMENT_NODE && (dropped(node) || this.markPageBreak(node))) return false;
    return this.open(node.nodeName.toUpperCase());
  }

  leave(node: DomNode): void {
    const name = node.nodeName.toUpperCase();
    if (/^H[1-6]$/.test(name)) this.flushOutsideCell();
    else if (name === 'PRE') this.closePre();
    else if (name === 'UL' || name === 'OL') this.closeList();
    else if (name === 'LI') this.flushOutsideCell();
    else if (name === 'TD' || name === 'TH') this.closeCell();
    else if (name === 'TR') this.closeRow();
    else if (name === 'TABLE') this.closeTable();
    else if (BLOCKS.has(name) && !this.inCell() && this.lists.length === 0) this.flush();
  }

  finish(): HtmlItem[] {
    this.flush();
    return this.items;
  }

  /** A page-break anchor becomes a marker; true when the element is the break itself, whose text is the page number, not content. */
  private markPageBreak(node: DomNode): boolean {
    const label = pageBreakLabel(node, this.pageAnchors);
    if (label === undefined) return false;
    this.flushOutsideCell();
    this.items.push({ pageBreak: label });
    return /pagebreak/.test(pageBreakType(node));
  }

  /** Starts what an element starts; false for an image, whose children carry no text. */
  private open(name: string): boolean {
    if (/^H[1-6]$/.test(name)) this.openHeading(Number(name[1]));
    else if (name === 'BR') this.append(this.inCell() ? ' ' : '\n');
    else if (name === 'PRE') this.openPre();
    else if (name === 'UL' || name === 'OL') this.openList(name === 'OL');
    else if (name === 'LI') this.openListItem();
    else if (name === 'TABLE') this.openTable();
    else if (name === 'TR') this.openRow();
    else if (name === 'TD' || name === 'TH') this.openCell();
    else if (BLOCKS.has(name)) this.openBlock();
    else if (name === 'IMG') return false;
    return true;
  }

  private openHeading(level: number) {
    if (this.inCell()) this.append(' ');
    else {
      this.flush();
      this.prefix = `${'#'.repeat(level)} `;
    }
  }

  private openPre() {
    this.flushOutsideCell();
    this.pre++;
  }

  private closePre() {
    this.flushOutsideCell();
    this.pre--;
  }

  private openList(ordered: boolean) {
    if (this.inCell()) return;
    this.flush();
    this.lists.push({ ordered, count: 0 });
  }

  private closeList() {
    if (this.inCell()) return;
    this.flush();
    this.lists.pop();
  }

  private openListItem() {
    if (this.inCell()) {
      this.append(' ');
      return;
    }
    this.flush();
    const list = this.lists[this.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    this.prefix = list?.ordered ? `${indent}${++list.count}. ` : `${indent}- `;
  }

  private openBlock() {
    if (this.inCell()) this.append(' ');
    // Inside a list item a <p> must not discard the item's "- " prefix.
    else if (this.lists.length === 0 || this.buffer.trim() !== '') this.flush();
  }

  private openTable() {
    this.flushOutsideCell();
    this.tables.push({ rows: [], row: null, cell: null });
  }

  private openRow() {
    const table = this.currentTable();
    if (table) table.row = [];
  }

  private openCell() {
    const table = this.currentTable();
    if (table) table.cell = '';
  }

  private closeCell() {
    const table = this.currentTable();
    if (table?.cell == null) return;
    table.row?.push(table.cell.replace(/\s+/g, ' ').trim());
    table.cell = null;
  }

  private closeRow() {
    const table = this.currentTable();
    if (!table?.row) return;
    if (table.row.some((c) => c !== '')) table.rows.push(table.row.join(' | '));
    table.row = null;
  }

  /** A nested table is flattened into its parent's cell; a top-level one becomes one block of rows. */
  private closeTable() {
    const done = this.tables.pop();
    if (!done) return;
    if (this.tables.length > 0) this.append(` ${done.rows.join('; ')} `);
    else if (done.rows.length > 0) this.items.push({ block: done.rows.join('\n') });
  }

  private currentTable(): TableState | undefined {
    return this.tables[this.tables.length - 1];
  }

  private inCell(): boolean {
    return this.currentTable()?.cell != null;
  }

  private append(text: string) {
    const table = this.currentTable();
    if (table?.cell != null) table.cell += text;
    else this.buffer += text;
  }

  private flushOutsideCell() {
    if (!this.inCell()) this.flush();
  }

  /** Ends the current block: whitespace collapsed (kept inside <pre>), prefixed, and only if not empty. */
  private flush() {
    const text =
      this.pre > 0
        ? this.buffer.replace(/^\n+|\s+$/g, '')
        : this.buffer.replace(/[ \t\u00a0\r\n]+/g, ' ').trim();
    if (text) this.items.push({ block: this.prefix + text });
    this.buffer = '';
    this.prefix = '';
  }
}

/** The blocks alone, for formats without page breaks. */
export function blocksOf(items: HtmlItem[]): string[] {
  return items.flatMap((item) => ('block' in item ? [item.block] : []));
}
