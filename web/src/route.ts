/**
 * The URL holds the view and its choices (#view=matrix&mandate=...), so a
 * link or a reload restores what was on screen.
 */
export const VIEWS = ['matrix', 'graph', 'timeline', 'overview'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** Matrix: mandate id, the open cell (state id|priority id), and '1' with the civil-society layer shown. */
  mandate?: string;
  cell?: string;
  civil?: string;
  /** Graph: the chosen entity, the search text and the "as of" date. */
  entity?: string;
  q?: string;
  asOf?: string;
  /** Timeline: kinds, state id and years. */
  kinds?: string;
  state?: string;
  from?: string;
  to?: string;
}

const KEYS = [
  'mandate',
  'cell',
  'civil',
  'entity',
  'q',
  'asOf',
  'kinds',
  'state',
  'from',
  'to',
] as const;

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view');
  const route: Route = {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'matrix',
  };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) route[key] = value;
  }
  return route;
}

export function formatRoute(route: Route): string {
  const params = new URLSearchParams({ view: route.view });
  for (const key of KEYS) {
    const value = route[key];
    if (value) params.set(key, value);
  }
  return `#${params.toString()}`;
}

export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

/**
 * Records a change of the view's choices in the URL without re-rendering:
 * push for what the back button should undo, replace for the rest.
 */
export function updateRoute(change: Partial<Route>, mode: 'push' | 'replace' = 'push'): void {
  const next = { ...currentRoute(), ...change };
  const hash = formatRoute(next);
  if (hash === window.location.hash) return;
  if (mode === 'push') window.history.pushState(null, '', hash);
  else window.history.replaceState(null, '', hash);
}
