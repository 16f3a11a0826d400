/**
 * XML parts of packages (OOXML, EPUB) as a small ordered tree, parsed by fast-xml-parser. Document order is
 * kept (runs, breaks and fields of a paragraph interleave), and elements are matched by local name so a
 * package that picked other namespace prefixes still reads.
 */
import { XMLParser } from 'fast-xml-parser';
import { ExtractionError } from './types.ts';

export interface XmlNode {
  /** The qualified name as written ("p:sp"); `local` without its prefix ("sp"). */
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Set on text nodes only (name "#text"). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(raw: Raw[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of raw) {
    for (const [name, value] of Object.entries(item)) {
      if (name === ':@') continue;
      if (name === '#text') {
        nodes.push({ name, local: name, attrs: {}, children: [], text: String(value) });
        continue;
      }
      const colon = name.indexOf(':');
      nodes.push({
        name,
        local: colon >= 0 ? name.slice(colon + 1) : name,
        attrs: item[':@'] ?? {},
        children: Array.isArray(value) ? convert(value as Raw[]) : [],
      });
    }
  }
  return nodes;
}

/**
 * Parses one XML part; `damaged` is the message when it is not well-formed. Entity declarations are refused
 * outright: no package format needs them, and they are how an "entity expansion" bomb is built.
 */
export function parseXml(text: string, damaged: string): XmlNode {
  if (/<!ENTITY/i.test(text)) throw new ExtractionError('DAMAGED', damaged);
  let raw: Raw[];
  try {
    raw = parser.parse(text) as Raw[];
  } catch {
    throw new ExtractionError('DAMAGED', damaged);
  }
  const root = convert(raw).find((n) => n.name !== '#text' && !n.name.startsWith('?'));
  if (!root) throw new ExtractionError('DAMAGED', damaged);
  return root;
}

export function child(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local);
}

export function children(node: XmlNode | undefined, local: string): XmlNode[] {
  return node?.children.filter((c) => c.local === local) ?? [];
}

/** The first descendant along a path of local names: path(sp, 'spPr', 'xfrm', 'off'). */
export function path(node: XmlNode | undefined, ...locals: string[]): XmlNode | undefined {
  let at = node;
  for (const local of locals) at = child(at, local);
  return at;
}

/** Every descendant with this local name, in document order. */
export function descendants(node: XmlNode, local: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** The text of all descendant text nodes, in order. */
export function textContent(node: XmlNode): string {
  if (node.text !== undefined) return node.text;
  return node.children.map(textContent).join('');
}
