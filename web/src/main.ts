import { read } from './api';
import { h } from './dom';
import { currentRoute, type View } from './route';
import { graphView } from './views/graph';
import { matrixView } from './views/matrix';
import { overviewView } from './views/overview';
import { timelineView } from './views/timeline';
import type { ViewFactory, ViewInstance } from './views/types';
import './styles.css';

const FACTORIES: Record<View, ViewFactory> = {
  matrix: matrixView,
  graph: graphView,
  timeline: timelineView,
  overview: overviewView,
};
const TITLES: Record<View, string> = {
  matrix: 'Priority matrix',
  graph: 'Graph explorer',
  timeline: 'Timeline',
  overview: 'Overview',
};

const main = document.getElementById('main') as HTMLElement;
let shown: { view: View; instance: ViewInstance } | undefined;

function render(): void {
  const route = currentRoute();
  document.querySelectorAll<HTMLAnchorElement>('nav.views a').forEach((a) => {
    if (a.dataset.view === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (shown?.view === route.view) {
    shown.instance.update(route);
    return;
  }
  main.replaceChildren(h('h1', { class: 'view-title', tabindex: -1 }, TITLES[route.view]));
  document.title = `${TITLES[route.view]} · CBSS Children at Risk graph`;
  const container = h('div', { class: `view view-${route.view}` });
  main.append(container);
  shown = { view: route.view, instance: FACTORIES[route.view](container, route) };
}

interface Dataset {
  dataset: {
    filesChecksum?: string;
    checksum?: string | null;
    seedVersion?: string;
    loadedAt?: string;
  } | null;
}

/** The dataset version in the header, so a screenshot can be cited. */
async function showDataset(): Promise<void> {
  const target = document.getElementById('dataset') as HTMLElement;
  try {
    const { dataset } = await read<Dataset>('dataset');
    if (!dataset) {
      target.textContent = 'Dataset: not loaded from the seed';
      return;
    }
    const version = (dataset.checksum ?? dataset.filesChecksum ?? '').slice(0, 12);
    target.textContent = `Dataset ${version}${dataset.loadedAt ? ` · loaded ${dataset.loadedAt.slice(0, 10)}` : ''}${dataset.seedVersion ? ` · loader ${dataset.seedVersion}` : ''}`;
    target.title = `content checksum ${dataset.checksum ?? '—'}; files checksum ${dataset.filesChecksum ?? '—'}`;
  } catch (error) {
    target.textContent = `Dataset version unavailable (${error instanceof Error ? error.message : String(error)})`;
  }
}

// Moving between views moves focus to the new view's heading (for screen
// readers and keyboard users); changes inside a view do not.
document.querySelectorAll<HTMLAnchorElement>('nav.views a').forEach((a) =>
  a.addEventListener('click', () => {
    window.setTimeout(() => main.querySelector<HTMLElement>('h1.view-title')?.focus(), 0);
  }),
);
window.addEventListener('hashchange', render);
render();
void showDataset();
