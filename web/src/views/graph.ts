import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { read } from '../api';
import { clear, failure, formatPeriod, h, loading, sourceItem, words } from '../dom';
import { labelStyle } from '../palette';
import { updateRoute, type Route } from '../route';
import { GRAPH_STYLE, keepReadable, labelEdges, ringValues } from './graph-style';
import { markRendered, type ViewFactory } from './types';

interface NodeRef {
  id: string;
  name: string;
  label: string;
}
interface Step {
  startId: string;
  endId: string;
  relationship: {
    type: string;
    derived: boolean;
    unverified: boolean;
    period: { from: string | null; to: string | null } | null;
  };
}
interface Subgraph {
  truncated: boolean;
  nodes: NodeRef[];
  steps: Step[];
}
interface Entity extends NodeRef {
  confidence: string | null;
  unverified: boolean;
  note: string | null;
  connectionCount: number;
  sources: {
    quote: string | null;
    source: { id: string; title: string; url: string | null; kind: string };
  }[];
}

const short = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

export const graphView: ViewFactory = (container, initial) => {
  let route = initial;
  let cy: Core | undefined;
  /** The node whose panel is open: its edges are the ones labelled in a busy graph. */
  let selected: string | undefined;
  const nodes = new Map<string, NodeRef>();
  const edges = new Map<string, Step>();

  const searchInput = h('input', {
    type: 'search',
    id: 'search',
    name: 'q',
    autocomplete: 'off',
    placeholder: 'e.g. Barnahus, PROMISE, Lithuania',
  });
  const results = h('ol', { class: 'results', 'aria-live': 'polite', id: 'search-results' });
  const form = h(
    'form',
    { class: 'search', role: 'search' },
    h('label', { for: 'search' }, 'Search the graph'),
    h('div', { class: 'row' }, searchInput, h('button', { type: 'submit' }, 'Search')),
  );
  const asOf = h('input', {
    type: 'date',
    id: 'as-of',
    name: 'asOf',
    min: '1990-01-01',
    max: '2035-12-31',
  });
  const clearAsOf = h('button', { type: 'button' }, 'Any date');
  const canvas = h('div', {
    class: 'graph-canvas',
    id: 'graph-canvas',
    role: 'img',
    'aria-label': 'Neighbourhood graph; the lists beside it hold the same nodes and relationships',
  });
  const status = h(
    'p',
    { class: 'status', id: 'graph-status', role: 'status' },
    'Search for an entity, then open a result to see its neighbourhood.',
  );
  const nodeList = h('ul', { class: 'node-list', id: 'graph-nodes' });
  const edgeList = h('ul', { class: 'edge-list', id: 'graph-edges' });
  const legend = h('ul', { class: 'label-legend', 'aria-label': 'Node colours by label' });
  const panel = h('section', {
    class: 'entity-panel',
    id: 'entity-panel',
    tabindex: -1,
    'aria-labelledby': 'entity-title',
  });
  panel.append(h('h2', { id: 'entity-title' }, 'No entity chosen'));

  container.append(
    h(
      'div',
      { class: 'graph-layout' },
      h('aside', { class: 'graph-search' }, form, results),
      h(
        'div',
        { class: 'graph-main' },
        h(
          'div',
          { class: 'toolbar' },
          h('label', { for: 'as-of' }, 'As of '),
          asOf,
          clearAsOf,
          h(
            'span',
            { class: 'hint' },
            'Hides relationships not valid on that date. Click a node to expand it.',
          ),
        ),
        canvas,
        status,
        legend,
        h(
          'div',
          { class: 'lists' },
          h('details', { open: true }, h('summary', {}, 'Nodes in view'), nodeList),
          h('details', {}, h('summary', {}, 'Relationships in view'), edgeList),
        ),
      ),
      panel,
    ),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    updateRoute({ q: searchInput.value.trim() || undefined }, 'replace');
    void search(searchInput.value.trim());
  });
  asOf.addEventListener('change', () => {
    updateRoute({ asOf: asOf.value || undefined });
    route = { ...route, asOf: asOf.value || undefined };
    if (route.entity) void show(route.entity);
  });
  clearAsOf.addEventListener('click', () => {
    asOf.value = '';
    asOf.dispatchEvent(new Event('change'));
  });

  async function search(text: string): Promise<void> {
    clear(results);
    if (!text) return;
    results.append(h('li', {}, loading('results')));
    try {
      const data = await read<{ search: { score: number; node: NodeRef }[] }>('search', { text });
      clear(results);
      if (data.search.length === 0) results.append(h('li', {}, `Nothing found for “${text}”.`));
      for (const hit of data.search) {
        const style = labelStyle(hit.node.label);
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.backgroundColor = style.colour;
        swatch.dataset.shape = style.shape;
        results.append(
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'result',
                'data-id': hit.node.id,
                onClick: () => {
                  updateRoute({ entity: hit.node.id });
                  route = { ...route, entity: hit.node.id };
                  void show(hit.node.id);
                },
              },
              swatch,
              h('span', { class: 'name' }, hit.node.name),
              h('span', { class: 'type' }, words(hit.node.label)),
            ),
          ),
        );
      }
    } catch (error) {
      clear(results);
      results.append(
        h(
          'li',
          {},
          failure('the search', error, () => void search(text)),
        ),
      );
    }
  }

  function ensureGraph(): Core {
    if (cy) return cy;
    cy = cytoscape({
      container: canvas,
      minZoom: 0.2,
      maxZoom: 3,
      style: GRAPH_STYLE,
    });
    cy.on('zoom', () => keepReadable(cy!));
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      void select(id, false);
      void expand(id);
    });
    return cy;
  }

  function edgeKey(step: Step): string {
    return `${step.startId} ${step.relationship.type} ${step.endId}`;
  }

  function merge(subgraph: Subgraph, centre: string): void {
    const graph = ensureGraph();
    const added: ElementDefinition[] = [];
    for (const node of subgraph.nodes) {
      if (nodes.has(node.id)) continue;
      nodes.set(node.id, node);
      const style = labelStyle(node.label);
      added.push({
        group: 'nodes',
        data: {
          id: node.id,
          name: node.name,
          short: short(node.name),
          label: node.label,
          colour: style.colour,
          shape: style.shape,
        },
      });
    }
    for (const step of subgraph.steps) {
      const key = edgeKey(step);
      if (edges.has(key)) continue;
      edges.set(key, step);
      added.push({
        group: 'edges',
        data: { id: key, source: step.startId, target: step.endId, type: step.relationship.type },
        classes: step.relationship.derived ? 'derived' : '',
      });
    }
    graph.add(added);
    graph.nodes().removeClass('centre');
    graph.getElementById(centre).addClass('centre');
    // Rings by distance from the centre: the centre in the middle, its
    // neighbours around it, what expanding added further out.
    const distance = new Map<string, number>();
    graph.elements().bfs({
      roots: graph.getElementById(centre),
      visit: (v, _e, _u, _i, depth) => {
        distance.set(v.id(), depth);
      },
      directed: false,
    });
    const rings = ringValues(graph.nodes().toArray(), distance);
    const stretch = Math.max(1, Math.min(2, graph.width() / Math.max(1, graph.height())));
    graph
      .layout({
        name: 'concentric',
        animate: false,
        concentric: (n: cytoscape.NodeSingular) => rings.get(n.id()) ?? 0,
        levelWidth: () => 1,
        minNodeSpacing: 70,
        padding: 40,
        // Rings become ellipses as wide as the canvas is: labels are wider than tall.
        transform: (_n: cytoscape.NodeSingular, p: cytoscape.Position) => ({
          x: p.x * stretch + (graph.width() / 2) * (1 - stretch),
          y: p.y,
        }),
      } as cytoscape.LayoutOptions)
      .run();
    // A small neighbourhood would be blown up to fill the canvas; keep labels at reading size.
    if (graph.zoom() > 1.4) {
      graph.zoom(1.4);
      graph.center();
    }
    // Labels grown to their on-screen minimum take more room: fit once more
    // (the zoom handler sizes them again for the new zoom).
    keepReadable(graph);
    if (graph.zoom() < 1.4) graph.fit(undefined, 30);
    labelEdges(graph, selected ?? route.entity);
    drawLists();
    status.textContent = `${nodes.size} nodes, ${edges.size} relationships${subgraph.truncated ? ' (cut short at the limit)' : ''}${route.asOf ? `, valid on ${route.asOf}` : ''}.`;
  }

  function drawLists(): void {
    clear(nodeList);
    const sorted = [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const node of sorted) {
      nodeList.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-id': node.id,
              onClick: () => void select(node.id, true),
            },
            node.name,
          ),
          h('span', { class: 'type' }, ` ${words(node.label)} `),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              'aria-label': `Expand ${node.name}`,
              onClick: () => void expand(node.id),
            },
            'Expand',
          ),
        ),
      );
    }
    clear(edgeList);
    for (const [key, step] of edges) {
      const from = nodes.get(step.startId)?.name ?? step.startId;
      const to = nodes.get(step.endId)?.name ?? step.endId;
      edgeList.append(
        h(
          'li',
          { 'data-edge': key },
          `${from} —${step.relationship.type}→ ${to} (${formatPeriod(step.relationship.period)})`,
        ),
      );
    }
    clear(legend);
    const labels = [...new Set([...nodes.values()].map((n) => n.label))].sort();
    for (const label of labels) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = labelStyle(label).colour;
      swatch.dataset.shape = labelStyle(label).shape;
      legend.append(h('li', {}, swatch, words(label)));
    }
  }

  async function neighbourhood(id: string): Promise<Subgraph> {
    const data = await read<{ neighbourhood: Subgraph }>('neighbourhood', {
      id,
      depth: 1,
      asOf: route.asOf,
    });
    return data.neighbourhood;
  }

  async function show(id: string): Promise<void> {
    status.textContent = 'Loading the neighbourhood…';
    canvas.setAttribute('aria-busy', 'true');
    try {
      const subgraph = await neighbourhood(id);
      nodes.clear();
      edges.clear();
      ensureGraph().elements().remove();
      merge(subgraph, id);
      markRendered('graph');
      void select(id, false);
    } catch (error) {
      clear(status);
      status.append(failure('the neighbourhood', error, () => void show(id)));
    } finally {
      canvas.removeAttribute('aria-busy');
    }
  }

  async function expand(id: string): Promise<void> {
    try {
      merge(await neighbourhood(id), route.entity ?? id);
    } catch (error) {
      clear(status);
      status.append(failure('the neighbourhood', error, () => void expand(id)));
    }
  }

  async function select(id: string, moveFocus: boolean): Promise<void> {
    cy?.elements().unselect();
    cy?.getElementById(id).select();
    selected = id;
    if (cy) labelEdges(cy, id);
    clear(panel);
    panel.append(
      h('h2', { id: 'entity-title' }, nodes.get(id)?.name ?? id),
      loading('its properties'),
    );
    try {
      const data = await read<{ node: Entity | null }>('entity', { id });
      drawEntity(data.node, id);
      if (moveFocus) panel.focus();
    } catch (error) {
      clear(panel);
      panel.append(
        h('h2', { id: 'entity-title' }, id),
        failure('the entity', error, () => void select(id, moveFocus)),
      );
    }
  }

  function drawEntity(entity: Entity | null, id: string): void {
    clear(panel);
    if (!entity) {
      panel.append(h('h2', { id: 'entity-title' }, id), h('p', {}, 'No such entity.'));
      return;
    }
    const props = h('dl', { class: 'props' });
    const add = (term: string, value: string | number | null) => {
      if (value === null || value === '') return;
      props.append(h('dt', {}, term), h('dd', {}, String(value)));
    };
    add('Id', entity.id);
    add('Label', words(entity.label));
    add('Relationships', entity.connectionCount);
    add('Confidence', words(entity.confidence) || 'not given');
    add('Verified', entity.unverified ? 'no (inferred or unconfirmed)' : 'yes');
    add('Note', entity.note);
    const sources = h('ul', { class: 'sources' });
    for (const ref of entity.sources) {
      sources.append(sourceItem(ref, words(ref.source.kind)));
    }
    panel.append(
      h('h2', { id: 'entity-title' }, entity.name),
      props,
      h('h3', {}, 'Provenance'),
      entity.sources.length ? sources : h('p', {}, 'No source recorded.'),
      h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            onClick: () => {
              updateRoute({ entity: entity.id });
              route = { ...route, entity: entity.id };
              void show(entity.id);
            },
          },
          'Centre the graph here',
        ),
      ),
    );
  }

  function apply(next: Route): void {
    route = next;
    asOf.value = next.asOf ?? '';
    if (next.q && next.q !== searchInput.value) {
      searchInput.value = next.q;
      void search(next.q);
    }
    if (next.entity) void show(next.entity);
  }

  apply(initial);

  return {
    update(next: Route) {
      const changed = next.entity !== route.entity || next.asOf !== route.asOf;
      if (changed || next.q !== route.q) apply(next);
    },
  };
};
