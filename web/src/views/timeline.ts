import { read } from '../api';
import { clear, failure, formatDate, h, loading, svg, words } from '../dom';
import { updateRoute, type Route } from '../route';
import { markRendered, type ViewFactory } from './types';

interface TimelineEvent {
  date: string;
  precision: string;
  kind: string;
  title: string;
  node: { id: string; name: string; label: string };
  sources: { quote: string | null; source: { id: string; title: string; url: string | null } }[];
}

/** Lanes of the time axis; project starts and ends share one lane as bars. */
const LANES: { name: string; kinds: string[]; colour: string }[] = [
  { name: 'Presidencies', kinds: ['PRESIDENCY'], colour: '#E69F00' },
  { name: 'Meetings', kinds: ['MEETING'], colour: '#56B4E9' },
  { name: 'Events', kinds: ['EVENT'], colour: '#009E73' },
  { name: 'Adoptions', kinds: ['ADOPTION'], colour: '#CC79A7' },
  { name: 'Projects', kinds: ['PROJECT_START', 'PROJECT_END'], colour: '#0072B2' },
  { name: 'Laws', kinds: ['LAW'], colour: '#D55E00' },
  { name: 'Openings (Barnahus, services)', kinds: ['OPENING'], colour: '#000000' },
  { name: 'Publications', kinds: ['PUBLICATION'], colour: '#999999' },
];
const KINDS = LANES.flatMap((l) => l.kinds);
const DEFAULT_KINDS = [
  'PRESIDENCY',
  'MEETING',
  'EVENT',
  'PROJECT_START',
  'PROJECT_END',
  'LAW',
  'OPENING',
];

const time = (date: string) =>
  Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

export const timelineView: ViewFactory = (container, initial) => {
  let route = initial;
  const kindBoxes = KINDS.map((kind) =>
    h('input', { type: 'checkbox', id: `kind-${kind}`, value: kind, name: 'kinds' }),
  );
  const stateSelect = h(
    'select',
    { id: 'timeline-state' },
    h('option', { value: '' }, 'All states'),
  );
  const fromInput = h('input', {
    type: 'number',
    id: 'timeline-from',
    min: 1990,
    max: 2035,
    step: 1,
    inputmode: 'numeric',
  });
  const toInput = h('input', {
    type: 'number',
    id: 'timeline-to',
    min: 1990,
    max: 2035,
    step: 1,
    inputmode: 'numeric',
  });
  const chart = h('div', { class: 'timeline-chart' });
  const list = h('div', { class: 'timeline-list' });
  const form = h(
    'form',
    { class: 'filters' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Kinds'),
      ...kindBoxes.map((box) => h('label', { class: 'check' }, box, ` ${words(box.value)}`)),
    ),
    h('div', { class: 'row' }, h('label', { for: 'timeline-state' }, 'State '), stateSelect),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'timeline-from' }, 'Years '),
      fromInput,
      h('label', { for: 'timeline-to' }, ' to '),
      toInput,
    ),
    h('button', { type: 'submit' }, 'Apply'),
  );
  container.append(
    h('div', { class: 'timeline-layout' }, form, h('div', { class: 'timeline-main' }, chart, list)),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kinds = kindBoxes.filter((b) => b.checked).map((b) => b.value);
    const change = {
      kinds: kinds.join(',') || undefined,
      state: stateSelect.value || undefined,
      from: fromInput.value || undefined,
      to: toInput.value || undefined,
    };
    updateRoute(change);
    route = { ...route, ...change };
    void load();
  });

  async function loadStates(): Promise<void> {
    try {
      const data = await read<{ states: { edges: { node: { id: string; name: string } }[] } }>(
        'states',
      );
      for (const { node } of data.states.edges)
        stateSelect.append(h('option', { value: node.id }, node.name));
      stateSelect.value = route.state ?? '';
    } catch {
      // The events themselves report an unavailable API.
    }
  }

  function applyForm(r: Route): void {
    const kinds = r.kinds ? r.kinds.split(',') : DEFAULT_KINDS;
    for (const box of kindBoxes) box.checked = kinds.includes(box.value);
    stateSelect.value = r.state ?? '';
    fromInput.value = r.from ?? '';
    toInput.value = r.to ?? '';
  }

  async function load(): Promise<void> {
    clear(chart);
    clear(list);
    chart.append(loading('the timeline'));
    chart.setAttribute('aria-busy', 'true');
    try {
      const kinds = route.kinds ? route.kinds.split(',') : DEFAULT_KINDS;
      const data = await read<{ timeline: TimelineEvent[] }>('timeline', {
        kinds,
        state: route.state,
        from: route.from ? `${route.from}-01-01` : undefined,
        to: route.to ? `${route.to}-12-31` : undefined,
      });
      draw(data.timeline);
      markRendered('timeline');
    } catch (error) {
      clear(chart);
      chart.append(failure('the timeline', error, () => void load()));
    } finally {
      chart.removeAttribute('aria-busy');
    }
  }

  function draw(events: TimelineEvent[]): void {
    clear(chart);
    if (events.length === 0) {
      chart.append(h('p', { class: 'status' }, 'No events match these filters.'));
      return;
    }
    const times = events.map((e) => time(e.date));
    const start = new Date(Math.min(...times)).getUTCFullYear();
    const end = new Date(Math.max(...times)).getUTCFullYear() + 1;
    const width = Math.max(640, chart.clientWidth || 900);
    const left = 190;
    const laneHeight = 42;
    const lanes = LANES.filter((lane) => events.some((e) => lane.kinds.includes(e.kind)));
    const height = lanes.length * laneHeight + 40;
    const x = (t: number) =>
      left +
      ((t - Date.UTC(start, 0, 1)) / (Date.UTC(end, 0, 1) - Date.UTC(start, 0, 1))) *
        (width - left - 16);
    const root = svg('svg', {
      class: 'timeline-svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': `Time axis from ${start} to ${end}: ${events.length} events; the list below holds the same events`,
    });
    const step = end - start > 20 ? 5 : end - start > 8 ? 2 : 1;
    for (let year = start; year <= end; year += 1) {
      if ((year - start) % step !== 0) continue;
      const xx = x(Date.UTC(year, 0, 1));
      root.append(
        svg('line', { x1: xx, x2: xx, y1: 8, y2: height - 24, class: 'grid' }),
        svg('text', { x: xx, y: height - 8, 'text-anchor': 'middle', class: 'tick' }, String(year)),
      );
    }
    lanes.forEach((lane, i) => {
      const y = 24 + i * laneHeight;
      root.append(svg('text', { x: 8, y: y + 4, class: 'lane' }, lane.name));
      const laneEvents = events.filter((e) => lane.kinds.includes(e.kind));
      if (lane.kinds.includes('PROJECT_START')) {
        // A project's start and end as one bar, stacked in a few rows.
        const byNode = new Map<string, { start?: TimelineEvent; end?: TimelineEvent }>();
        for (const e of laneEvents) {
          const entry = byNode.get(e.node.id) ?? {};
          if (e.kind === 'PROJECT_START') entry.start = e;
          else entry.end = e;
          byNode.set(e.node.id, entry);
        }
        let row = 0;
        for (const { start: s, end: f } of byNode.values()) {
          const from = s ? time(s.date) : time(f?.date ?? '');
          const to = f ? time(f.date) : from;
          const name = (s ?? f)?.node.name ?? '';
          const yy = y - 10 + (row % 4) * 6;
          row += 1;
          root.append(
            svg(
              'rect',
              {
                x: x(from),
                y: yy,
                width: Math.max(4, x(to) - x(from)),
                height: 5,
                rx: 2,
                fill: lane.colour,
                class: 'bar',
              },
              svg(
                'title',
                {},
                `${name}: ${s ? formatDate(s.date, s.precision) : '?'} – ${f ? formatDate(f.date, f.precision) : '?'}`,
              ),
            ),
          );
        }
      } else {
        for (const e of laneEvents) {
          root.append(
            svg(
              'circle',
              {
                cx: x(time(e.date)),
                cy: y,
                r: 5,
                fill: lane.colour,
                stroke: '#ffffff',
                'stroke-width': 1,
                class: 'dot',
              },
              svg('title', {}, `${formatDate(e.date, e.precision)} · ${e.title}`),
            ),
          );
        }
      }
    });
    chart.append(root);

    const table = h(
      'table',
      { class: 'events' },
      h('caption', {}, `${events.length} events, in date order`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'Kind'),
          h('th', { scope: 'col' }, 'Event'),
          h('th', { scope: 'col' }, 'Source'),
        ),
      ),
    );
    const tbody = h('tbody');
    for (const e of events) {
      const source = e.sources[0]?.source;
      tbody.append(
        h(
          'tr',
          { 'data-kind': e.kind },
          h('td', {}, formatDate(e.date, e.precision)),
          h('td', {}, words(e.kind)),
          h(
            'td',
            {},
            h('a', { href: `#view=graph&entity=${encodeURIComponent(e.node.id)}` }, e.title),
          ),
          h(
            'td',
            {},
            source
              ? source.url
                ? h(
                    'a',
                    { href: source.url, rel: 'noopener noreferrer', target: '_blank' },
                    source.id,
                  )
                : source.id
              : '—',
          ),
        ),
      );
    }
    table.append(tbody);
    list.append(table);
  }

  applyForm(route);
  void loadStates();
  void load();

  return {
    update(next: Route) {
      route = next;
      applyForm(next);
      void load();
    },
  };
};
