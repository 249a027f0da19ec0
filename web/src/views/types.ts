import type { Route } from '../route';

/** A view mounts into its container and follows later URL changes itself. */
export interface ViewInstance {
  /** Called when the URL changed while this view is shown (back/forward, edited link). */
  update(route: Route): void;
}

export type ViewFactory = (container: HTMLElement, route: Route) => ViewInstance;

/** Marks the first render with data (read by the screenshot and timing script). */
export function markRendered(view: string): void {
  const name = `dashboard:rendered:${view}`;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  document.body.dataset.rendered = view;
}
