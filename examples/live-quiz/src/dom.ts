type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined | null>;

/** A tiny element builder: `on*` attributes become listeners, `false`/`null` attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in element) {
      (element as HTMLInputElement).value = String(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...nodes(children));
  return element;
}

export function replace(parent: Element, ...children: Child[]) {
  parent.replaceChildren(...nodes(children));
}

function nodes(children: Child[]): Array<Node | string> {
  const kept: Array<Node | string> = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    kept.push(typeof child === 'number' ? String(child) : child);
  }
  return kept;
}

/** Seconds left until an ISO deadline, never negative. */
export function secondsLeft(deadline: string | null): number {
  if (!deadline) return 0;
  return Math.max(0, Math.ceil((Date.parse(deadline) - Date.now()) / 1000));
}

export const sameAnswer = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
