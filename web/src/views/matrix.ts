import { read } from '../api';
import { clear, failure, formatPeriod, h, loading, sourceItem, words } from '../dom';
import { heat, HEAT_SCALE } from '../palette';
import { updateRoute, type Route } from '../route';
import { markRendered, type ViewFactory } from './types';

interface Period {
  from: string | null;
  to: string | null;
}
interface SourceRef {
  quote: string | null;
  source: { id: string; title: string; url: string | null; kind: string };
}
interface Step {
  relationshipType: string;
  direction: string;
  node: { id: string; name: string; label: string };
  period: Period | null;
  confidence: string | null;
  unverified: boolean;
  sources: SourceRef[];
}
interface EvidencePath {
  rule: string;
  confidence: string | null;
  unverified: boolean;
  period: Period | null;
  steps: Step[];
}
interface Link {
  rule: string | null;
  confidence: string | null;
  unverified: boolean;
  period: Period | null;
  evidence: EvidencePath[];
}
interface Cell {
  state: { id: string };
  priority: { id: string };
  count: number;
  links: Link[];
}
interface Matrix {
  mandate: { id: string; name: string; startDate: string | null; endDate: string | null };
  states: { id: string; name: string; isoCode: string }[];
  priorities: { id: string; name: string }[];
  cells: Cell[];
}
interface Mandates {
  mandates: {
    edges: {
      node: { id: string; name: string; startDate: string | null; endDate: string | null };
    }[];
  };
}

const DEFAULT_MANDATE = 'mandate:2020-2025';

/** A column's headline: a priority's theme before its colon ("Protection, Support and Justice"). */
const headline = (name: string): string => {
  const theme = name.split(':')[0] ?? name;
  return theme.length > 60 ? `${theme.slice(0, 58)}…` : theme;
};

const pathsOf = (cell: Cell | undefined): number =>
  cell ? cell.links.reduce((sum, link) => sum + Math.max(1, link.evidence.length), 0) : 0;

export const matrixView: ViewFactory = (container, initial) => {
  let route = initial;
  let matrix: Matrix | undefined;
  const picker = h('select', { id: 'mandate', 'aria-describedby': 'mandate-help' });
  const body = h('div', { class: 'matrix-body' });
  const evidence = h('section', {
    class: 'evidence',
    id: 'evidence',
    tabindex: -1,
    'aria-labelledby': 'evidence-title',
    hidden: true,
  });
  container.append(
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'mandate' }, 'Mandate '),
      picker,
      h(
        'span',
        { id: 'mandate-help', class: 'hint' },
        'Arrow keys move between cells; Enter opens the evidence.',
      ),
    ),
    h('div', { class: 'matrix-layout' }, body, evidence),
  );

  picker.addEventListener('change', () => {
    updateRoute({ mandate: picker.value, cell: undefined });
    route = { ...route, mandate: picker.value, cell: undefined };
    void loadMatrix();
  });

  async function loadMandates(): Promise<void> {
    try {
      const data = await read<Mandates>('mandates');
      clear(picker);
      const mandates = data.mandates.edges.map((e) => e.node);
      mandates.sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
      for (const m of mandates) picker.append(h('option', { value: m.id }, m.name));
      picker.value = route.mandate ?? DEFAULT_MANDATE;
    } catch {
      // The matrix itself reports the error; the picker keeps the chosen id.
      picker.append(
        h('option', { value: route.mandate ?? DEFAULT_MANDATE }, route.mandate ?? DEFAULT_MANDATE),
      );
    }
  }

  async function loadMatrix(): Promise<void> {
    const mandate = route.mandate ?? DEFAULT_MANDATE;
    clear(body);
    body.setAttribute('aria-busy', 'true');
    body.append(loading('the matrix'));
    evidence.hidden = true;
    try {
      matrix = (await read<{ priorityMatrix: Matrix }>('matrix', { mandate })).priorityMatrix;
      drawMatrix(matrix);
      markRendered('matrix');
      if (route.cell) openCell(route.cell, false);
    } catch (error) {
      clear(body);
      body.append(failure('the matrix', error, () => void loadMatrix()));
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function drawMatrix(m: Matrix): void {
    const byKey = new Map(m.cells.map((c) => [`${c.state.id}|${c.priority.id}`, c]));
    const max = Math.max(1, ...m.cells.map((c) => pathsOf(c)));
    const table = h(
      'table',
      { class: 'matrix', role: 'grid', 'aria-labelledby': 'matrix-caption' },
      h(
        'caption',
        { id: 'matrix-caption' },
        `${m.mandate.name}: evidence paths per member state and priority`,
      ),
    );
    const headRow = h('tr', {}, h('th', { scope: 'col' }, 'State'));
    m.priorities.forEach((p) =>
      headRow.append(
        h(
          'th',
          { scope: 'col', title: p.name },
          h('span', { 'aria-hidden': 'true' }, headline(p.name)),
          h('span', { class: 'visually-hidden' }, p.name),
        ),
      ),
    );
    table.append(h('thead', {}, headRow));
    const tbody = h('tbody');
    let firstFilled: HTMLButtonElement | undefined;
    let first: HTMLButtonElement | undefined;
    m.states.forEach((s, row) => {
      const tr = h('tr', {}, h('th', { scope: 'row' }, s.name));
      m.priorities.forEach((p, col) => {
        const key = `${s.id}|${p.id}`;
        const cell = byKey.get(key);
        const paths = pathsOf(cell);
        const label = paths
          ? `${s.name}, ${p.name}: ${paths} evidence path${paths === 1 ? '' : 's'}`
          : `${s.name}, ${p.name}: no evidence`;
        const button = h(
          'button',
          {
            type: 'button',
            class: paths ? 'cell filled' : 'cell empty',
            tabindex: -1,
            'data-key': key,
            'data-paths': paths,
            'data-row': row,
            'data-col': col,
            'aria-label': label,
            title: label,
          },
          paths ? String(paths) : '',
        );
        if (paths) {
          const colour = heat(paths, max);
          button.style.backgroundColor = colour.background;
          button.style.color = colour.text;
        }
        button.addEventListener('click', () => openCell(key, true));
        button.addEventListener('focus', () => setActive(button));
        first ??= button;
        if (paths) firstFilled ??= button;
        tr.append(h('td', { role: 'gridcell' }, button));
      });
      tbody.append(tr);
    });
    table.append(tbody);
    table.addEventListener('keydown', (event) => onGridKey(event, table));
    (firstFilled ?? first)?.setAttribute('tabindex', '0');
    clear(body);
    body.append(table, legend(max));
  }

  function setActive(button: HTMLButtonElement): void {
    body
      .querySelectorAll('button.cell[tabindex="0"]')
      .forEach((b) => b.setAttribute('tabindex', '-1'));
    button.setAttribute('tabindex', '0');
  }

  // A grid is one tab stop; arrow keys, Home and End move inside it.
  function onGridKey(event: KeyboardEvent, table: HTMLTableElement): void {
    const current = event.target instanceof HTMLButtonElement ? event.target : undefined;
    if (!current?.dataset.row || !matrix) return;
    let row = Number(current.dataset.row);
    let col = Number(current.dataset.col);
    const rows = matrix.states.length;
    const cols = matrix.priorities.length;
    switch (event.key) {
      case 'ArrowRight':
        col = Math.min(cols - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'ArrowDown':
        row = Math.min(rows - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'Home':
        col = 0;
        break;
      case 'End':
        col = cols - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const next = table.querySelector<HTMLButtonElement>(
      `button[data-row="${row}"][data-col="${col}"]`,
    );
    if (next) {
      setActive(next);
      next.focus();
    }
  }

  function legend(max: number): HTMLElement {
    const swatches = h('ol', { class: 'legend-scale', 'aria-hidden': 'true' });
    for (const colour of HEAT_SCALE) {
      const li = h('li');
      li.style.backgroundColor = colour;
      swatches.append(li);
    }
    return h(
      'p',
      { class: 'legend' },
      h('span', {}, '1 path'),
      swatches,
      h('span', {}, `${max} paths`),
      h('span', { class: 'hint' }, ' Empty cells: no PURSUES link in this mandate.'),
    );
  }

  function openCell(key: string, moveFocus: boolean): void {
    if (!matrix) return;
    const [stateId, priorityId] = key.split('|');
    const state = matrix.states.find((s) => s.id === stateId);
    const priority = matrix.priorities.find((p) => p.id === priorityId);
    if (!state || !priority) return;
    const cell = matrix.cells.find((c) => c.state.id === stateId && c.priority.id === priorityId);
    updateRoute({ cell: key }, 'replace');
    route = { ...route, cell: key };
    const button = body.querySelector<HTMLButtonElement>(`button[data-key="${CSS.escape(key)}"]`);
    if (button) setActive(button);
    clear(evidence);
    evidence.hidden = false;
    const close = h(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close the evidence' },
      '×',
    );
    const closePanel = () => {
      evidence.hidden = true;
      updateRoute({ cell: undefined }, 'replace');
      route = { ...route, cell: undefined };
      button?.focus();
    };
    close.addEventListener('click', closePanel);
    evidence.onkeydown = (event) => {
      if (event.key === 'Escape') closePanel();
    };
    evidence.append(
      h(
        'div',
        { class: 'panel-head' },
        h('h2', { id: 'evidence-title' }, `${state.name} × ${priority.name}`),
        close,
      ),
    );
    if (!cell || cell.links.length === 0) {
      evidence.append(
        h('p', {}, 'No PURSUES link: no evidence path connects this state to this priority.'),
      );
    } else {
      for (const link of cell.links) evidence.append(linkBlock(link));
    }
    if (moveFocus) evidence.focus();
  }

  function linkBlock(link: Link): HTMLElement {
    const paths = h('ol', { class: 'paths' });
    link.evidence.forEach((path, i) => {
      const steps = h('ol', { class: 'steps' });
      for (const step of path.steps) {
        const quotes = h('ul', { class: 'sources' });
        for (const ref of step.sources) {
          quotes.append(sourceItem(ref, ref.source.id));
        }
        steps.append(
          h(
            'li',
            {},
            h(
              'span',
              { class: 'rel' },
              `${step.direction === 'IN' ? '←' : '→'} ${step.relationshipType}`,
            ),
            ' ',
            h(
              'a',
              { href: `#view=graph&entity=${encodeURIComponent(step.node.id)}` },
              step.node.name,
            ),
            h(
              'span',
              { class: 'meta' },
              ` ${words(step.node.label)} · ${formatPeriod(step.period)}${step.confidence ? ` · ${words(step.confidence)}` : ''}${step.unverified ? ' · unverified' : ''}`,
            ),
            step.sources.length ? quotes : h('p', { class: 'meta' }, 'No source on this step.'),
          ),
        );
      }
      paths.append(
        h(
          'li',
          { class: 'path' },
          h('h3', {}, `Path ${i + 1}: ${words(path.rule)}`),
          h(
            'p',
            { class: 'meta' },
            `Period ${formatPeriod(path.period)} · confidence ${words(path.confidence) || 'not given'}${path.unverified ? ' · unverified' : ''}`,
          ),
          steps,
        ),
      );
    });
    return h(
      'article',
      { class: 'link' },
      h(
        'p',
        { class: 'meta' },
        `PURSUES link by rule ${words(link.rule)}${link.period && (link.period.from || link.period.to) ? ` · ${formatPeriod(link.period)}` : ''} · confidence ${words(link.confidence) || 'not given'}${link.unverified ? ' · unverified' : ''}`,
      ),
      paths,
    );
  }

  void loadMandates();
  void loadMatrix();

  return {
    update(next: Route) {
      const mandateChanged =
        (next.mandate ?? DEFAULT_MANDATE) !== (route.mandate ?? DEFAULT_MANDATE);
      route = next;
      if (mandateChanged) {
        picker.value = next.mandate ?? DEFAULT_MANDATE;
        void loadMatrix();
      } else if (next.cell) {
        openCell(next.cell, true);
      } else {
        evidence.hidden = true;
      }
    },
  };
};
