import type { Core, NodeSingular, StylesheetJson } from 'cytoscape';

/**
 * How the graph explorer draws, and how it keeps its labels readable.
 *
 * Cytoscape sizes text in model units, so a label shrinks with the zoom: a
 * neighbourhood of a few dozen nodes fitted into the canvas drew 10-unit
 * labels at about 5 pixels. Here the label sizes are set from the zoom
 * whenever it changes, so that on screen a node's label is never smaller than
 * NODE_LABEL_PX and an edge's never smaller than EDGE_LABEL_PX, whatever the
 * zoom; zooming in still enlarges them.
 */
export const NODE_LABEL_PX = 12;
export const EDGE_LABEL_PX = 11;
/** Model-unit sizes at zoom 1 (what zooming in enlarges). */
const NODE_LABEL_UNITS = 11;
const EDGE_LABEL_UNITS = 9;
/** A node's label wraps at this on-screen width. */
const LABEL_WIDTH_PX = 120;
/** A node is at least this wide on screen. */
const NODE_PX = 14;
const NODE_UNITS = 22;
const CENTRE_UNITS = 34;
/**
 * Edge labels (the relationship type) crowd a busy graph: beyond this many
 * edges only those of the selected node are labelled (every relationship is
 * also in the list under the graph).
 */
const EDGE_LABELS_UP_TO = 14;

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as never,
      label: 'data(short)',
      'font-size': NODE_LABEL_UNITS,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'wrap',
      'text-max-width': `${LABEL_WIDTH_PX}px`,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      color: '#1a1a1a',
      'border-width': 1,
      'border-color': '#333333',
      width: NODE_UNITS,
      height: NODE_UNITS,
    },
  },
  {
    selector: 'node.centre',
    style: { width: CENTRE_UNITS, height: CENTRE_UNITS, 'border-width': 3, 'font-weight': 'bold' },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000000' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#7a7a7a',
      'target-arrow-color': '#7a7a7a',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: '',
      'font-size': EDGE_LABEL_UNITS,
      color: '#333333',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
    },
  },
  { selector: 'edge.labelled', style: { label: 'data(type)' } },
  {
    selector: 'edge.derived',
    style: {
      'line-style': 'dashed',
      'line-color': '#0072B2',
      'target-arrow-color': '#0072B2',
    },
  },
];

/** Sets label and node sizes from the zoom (see above); run on every zoom. */
export function keepReadable(cy: Core): void {
  const zoom = cy.zoom();
  // Rounded up to 1/100 of a unit so that size x zoom never falls below the
  // on-screen minimum by a floating-point hair (11 / z * z can be 10.999...).
  const at = (px: number, units: number) => Math.max(units, Math.ceil((px / zoom) * 100) / 100);
  cy.style()
    .selector('node')
    .style({
      'font-size': at(NODE_LABEL_PX, NODE_LABEL_UNITS),
      'text-max-width': `${at(LABEL_WIDTH_PX, LABEL_WIDTH_PX)}px`,
      width: at(NODE_PX, NODE_UNITS),
      height: at(NODE_PX, NODE_UNITS),
    })
    .selector('node.centre')
    .style({
      width: at(NODE_PX * 1.5, CENTRE_UNITS),
      height: at(NODE_PX * 1.5, CENTRE_UNITS),
    })
    .selector('edge')
    .style({
      'font-size': at(EDGE_LABEL_PX, EDGE_LABEL_UNITS),
      width: at(1.2, 1.5),
    })
    .update();
}

/**
 * Labels every edge of a small graph; in a busy one only the edges of the
 * selected node, and those only when they are few themselves.
 */
export function labelEdges(cy: Core, selected: string | undefined): void {
  cy.batch(() => {
    const edges = cy.edges();
    edges.removeClass('labelled');
    const own = selected ? cy.getElementById(selected).connectedEdges() : cy.collection();
    if (edges.length <= EDGE_LABELS_UP_TO) edges.addClass('labelled');
    else if (own.length <= EDGE_LABELS_UP_TO) own.addClass('labelled');
  });
}

/**
 * Rings for the concentric layout: the centre, then the nodes by distance
 * from it, a ring holding at most 6k + 2 nodes (k = 1, 2, ...) so that a
 * large neighbourhood is spread over several rings instead of one crowded
 * circle whose labels overlap. Returns each node's concentric value (higher
 * is nearer the centre; one ring per value).
 */
export function ringValues(
  nodes: NodeSingular[],
  distance: Map<string, number>,
): Map<string, number> {
  const order = [...nodes].sort(
    (a, b) =>
      (distance.get(a.id()) ?? 99) - (distance.get(b.id()) ?? 99) ||
      String(a.data('label') ?? '').localeCompare(String(b.data('label') ?? '')) ||
      String(a.data('name')).localeCompare(String(b.data('name'))),
  );
  const values = new Map<string, number>();
  let ring = 0;
  let inRing = 0;
  let lastDistance = 0;
  for (const node of order) {
    const d = distance.get(node.id()) ?? 99;
    if (d !== lastDistance || (ring > 0 && inRing >= 6 * ring + 2)) {
      ring += 1;
      inRing = 0;
      lastDistance = d;
    }
    values.set(node.id(), 1_000 - ring);
    inRing += 1;
  }
  return values;
}
