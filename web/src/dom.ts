/**
 * Tiny DOM builders. Styles are never written as attributes (the page's CSP
 * has no 'unsafe-inline' for styles): classes here, element.style from code
 * where a value is computed.
 */
type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | undefined | null | Handler>;

function apply(el: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') throw new Error('style attributes break the CSP; use a class');
    if (typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.setAttribute('class', String(value));
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A loading line announced to assistive technology. */
export function loading(what: string): HTMLElement {
  return h('p', { class: 'status', role: 'status' }, `Loading ${what}…`);
}

/** An error box with a retry button. */
export function failure(what: string, error: unknown, retry: () => void): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, `Could not load ${what}: ${message}`),
    h('button', { type: 'button', onClick: () => retry() }, 'Try again'),
  );
}

/**
 * A date at the precision the source gives (YEAR, MONTH or DAY): a year-precision
 * date is stored as its first (or last) day, and showing that day would claim a
 * precision the source does not have.
 */
export function formatDate(date: string, precision: string | null | undefined): string {
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}

export function formatPeriod(period: { from?: string | null; to?: string | null } | null): string {
  if (!period || (!period.from && !period.to)) return 'undated';
  return `${period.from ?? '…'} – ${period.to ?? 'open'}`;
}

/** GraphQL enum values (BODY_PARTNER_IN_PROJECT) as words (body partner in project). */
export function words(value: string | null | undefined): string {
  return (value ?? '').toLowerCase().replace(/_/g, ' ');
}

/** One cited source: its exact quote (if any), then its title, linked where it has an address. */
export function sourceItem(
  ref: { quote: string | null; source: { title: string; url: string | null } },
  aside: string,
): HTMLElement {
  return h(
    'li',
    {},
    ref.quote ? h('blockquote', {}, `“${ref.quote}”`) : null,
    h(
      'cite',
      {},
      ref.source.url
        ? h(
            'a',
            { href: ref.source.url, rel: 'noopener noreferrer', target: '_blank' },
            ref.source.title,
          )
        : ref.source.title,
      ` (${aside})`,
    ),
  );
}
