import { read } from '../api';
import { clear, failure, h, loading, words } from '../dom';
import { GRADE_COLOURS, GRADES, isGrade } from '../palette';
import { updateRoute, type Route } from '../route';
import { linkBlock, type LinkKind } from './matrix-evidence';
import type { Cell, Layer, LayerMatrix, Link, Matrix } from './matrix-types';
import { markRendered, type ViewFactory } from './types';

interface Mandates {
  mandates: {
    edges: {
      node: { id: string; name: string; startDate: string | null; endDate: string | null };
    }[];
  };
}

const DEFAULT_MANDATE = 'mandate:2020-2025';

/** The document that brings a layer's evidence, and how the panel names it. */
const LAYERS: Record<Layer, { document: string; kind: LinkKind; what: string }> = {
  mayPursue: { document: 'matrix-may-pursue', kind: 'MAY_PURSUE', what: 'the may-pursue links' },
  civilSociety: {
    document: 'matrix-civil-society',
    kind: 'CIVIL_SOCIETY_ENGAGES',
    what: 'the civil-society links',
  },
};

/** A column's headline: a priority's theme before its colon ("Protection, Support and Justice"). */
const headline = (name: string): string => {
  const theme = name.split(':')[0] ?? name;
  return theme.length > 60 ? `${theme.slice(0, 58)}…` : theme;
};

/** Evidence paths behind a list of links (a link without paths still counts as one). */
const pathsOf = (links: { evidence: unknown[] }[] | undefined): number =>
  (links ?? []).reduce((sum, link) => sum + Math.max(1, link.evidence.length), 0);

export const matrixView: ViewFactory = (container, initial) => {
  let route = initial;
  let matrix: Matrix | undefined;
  const picker = h('select', { id: 'mandate', 'aria-describedby': 'mandate-help' });
  const civilSociety = h('input', {
    type: 'checkbox',
    id: 'civil-society',
    'aria-describedby': 'civil-society-help',
  });
  civilSociety.checked = route.civil === '1';
  const body = h('div', { class: 'matrix-body' });
  const showLayer = () => body.classList.toggle('show-civil-society', civilSociety.checked);
  showLayer();
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
      h('label', { for: 'civil-society', class: 'toggle' }, civilSociety, ' Civil-society layer'),
      h(
        'span',
        { id: 'civil-society-help', class: 'hint' },
        'Shows where NGOs, universities and foundations based in a state take part; kept apart from state pursuit.',
      ),
    ),
    h('div', { class: 'matrix-layout' }, body, evidence),
  );

  civilSociety.addEventListener('change', () => {
    updateRoute({ civil: civilSociety.checked ? '1' : undefined }, 'replace');
    route = { ...route, civil: civilSociety.checked ? '1' : undefined };
    showLayer();
    if (route.cell && !evidence.hidden) openCell(route.cell, false);
  });

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

  /** A layer's links of the mandate with their evidence, asked once when first shown. */
  const layerDetail = new Map<Layer, { mandate: string; links: Promise<Map<string, Link[]>> }>();
  function layerLinks(layer: Layer, mandate: string): Promise<Map<string, Link[]>> {
    const known = layerDetail.get(layer);
    if (known?.mandate === mandate) return known.links;
    const links = read<{ priorityMatrix: LayerMatrix[Layer] }>(LAYERS[layer].document, {
      mandate,
    }).then(
      (data) =>
        new Map<string, Link[]>(
          data.priorityMatrix.cells.map((c) => [
            `${c.state.id}|${c.priority.id}`,
            'mayPursue' in c ? c.mayPursue : c.civilSociety,
          ]),
        ),
    );
    // A failure is shown where the links would be, and asked again next time.
    links.catch(() => {
      if (layerDetail.get(layer)?.links === links) layerDetail.delete(layer);
    });
    layerDetail.set(layer, { mandate, links });
    return links;
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
    const table = h(
      'table',
      { class: 'matrix', role: 'grid', 'aria-labelledby': 'matrix-caption' },
      h(
        'caption',
        { id: 'matrix-caption' },
        `${m.mandate.name}: how sure each member state's pursuit of each priority is (colour: grade of its best PURSUES link; number: evidence paths; hatched grey “?”: may pursue, a reading or an assumption)`,
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
        const button = cellButton(key, `${s.name}, ${p.name}`, byKey.get(key), row, col);
        button.addEventListener('click', () => openCell(key, true));
        button.addEventListener('focus', () => setActive(button));
        first ??= button;
        if (button.classList.contains('filled')) firstFilled ??= button;
        tr.append(h('td', { role: 'gridcell' }, button));
      });
      tbody.append(tr);
    });
    table.append(tbody);
    table.addEventListener('keydown', (event) => onGridKey(event, table));
    (firstFilled ?? first)?.setAttribute('tabindex', '0');
    clear(body);
    body.append(table, legend());
  }

  /**
   * One cell: coloured by the grade of its best PURSUES link, hatched when
   * every link is unverified, the number of evidence paths as its text. A
   * cell with MAY_PURSUE links only (state action the sources do not show at
   * every step) is hatched grey with a "?", never a grade colour. The
   * civil-society layer adds a badge with the paths of civil society based
   * in the state, which never colours the cell: a cell with civil society
   * only stays uncoloured.
   */
  function cellButton(
    key: string,
    name: string,
    cell: Cell | undefined,
    row: number,
    col: number,
  ): HTMLButtonElement {
    const paths = pathsOf(cell?.links);
    // The API grades the cell (its best PURSUES link), never by how many paths it has.
    const grade = isGrade(cell?.grade) ? cell.grade : null;
    const unverified = cell?.unverified ?? false;
    const civil = pathsOf(cell?.civilSociety);
    const may = pathsOf(cell?.mayPursue);
    const mayOnly = !paths && may > 0;
    const mayWords = may
      ? `${paths ? '; also ' : ''}${may} evidence path${may === 1 ? '' : 's'} of state action resting on a reading or an assumption (may pursue, not counted)`
      : '';
    const stateAction = paths
      ? `${paths} evidence path${paths === 1 ? '' : 's'} of state action, best grade ${words(grade) || 'not given'}${unverified ? ', every link unverified' : ''}${mayWords}`
      : mayOnly
        ? `no state action the sources show; ${mayWords}`
        : 'no state action';
    const civilWords = civil
      ? `; civil society CS ${civil}: ${civil} evidence path${civil === 1 ? '' : 's'}, not counted as the state`
      : '';
    const label = `${name}: ${stateAction}${civilWords}`;
    // filled: graded by PURSUES; a may-pursue-only cell is marked apart, never filled.
    const classes = ['cell', paths ? 'filled' : mayOnly ? 'may-pursue-only' : 'empty'];
    if (unverified) classes.push('unverified');
    if (mayOnly) classes.push('may-pursue');
    if (civil) classes.push('has-civil-society');
    const button = h(
      'button',
      {
        type: 'button',
        class: classes.join(' '),
        tabindex: -1,
        'data-key': key,
        'data-paths': paths,
        'data-grade': grade ?? '',
        'data-unverified': String(unverified),
        'data-may-pursue': may,
        'data-civil-society': civil,
        'data-row': row,
        'data-col': col,
        'aria-label': label,
        title: label,
      },
      paths ? h('span', { class: 'paths' }, String(paths)) : null,
      unverified || mayOnly ? h('span', { class: 'flag', 'aria-hidden': 'true' }, '?') : null,
      civil ? h('span', { class: 'civil-badge', 'aria-hidden': 'true' }, `CS ${civil}`) : null,
    );
    if (grade) {
      button.style.backgroundColor = GRADE_COLOURS[grade].background;
      button.style.color = GRADE_COLOURS[grade].text;
    }
    return button;
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

  function legend(): HTMLElement {
    const grades = h('ul', { class: 'legend-grades' });
    for (const grade of GRADES) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = GRADE_COLOURS[grade].background;
      grades.append(h('li', { 'data-grade': grade }, swatch, words(grade)));
    }
    const hatched = h('span', { class: 'swatch unverified', 'aria-hidden': 'true' });
    hatched.style.backgroundColor = GRADE_COLOURS.MEDIUM.background;
    grades.append(
      h('li', { 'data-unverified': 'true' }, hatched, 'hatched, “?”: every link unverified'),
    );
    const may = h('span', { class: 'swatch may-pursue', 'aria-hidden': 'true' });
    grades.append(
      h(
        'li',
        { 'data-may-pursue': 'true' },
        may,
        'hatched grey, “?”: may pursue only (MAY_PURSUE: a curator’s reading or an assumption, not counted)',
      ),
    );
    return h(
      'div',
      { class: 'legend', id: 'matrix-legend' },
      h('span', { class: 'legend-title' }, 'Grade of the best PURSUES link:'),
      grades,
      h(
        'p',
        { class: 'hint' },
        'The number in a cell is its evidence paths: more paths are not a stronger link. Empty cells: no PURSUES link in this mandate.',
      ),
      h(
        'p',
        { class: 'hint civil-society-note' },
        h('span', { class: 'civil-badge', 'aria-hidden': 'true' }, 'CS n'),
        ' civil-society layer: n evidence paths of NGOs, universities, foundations or NGO-run services based in the state. Never counted as the state pursuing the priority, never a cell colour.',
      ),
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
    evidence.append(h('h3', { class: 'layer-head' }, 'State action (PURSUES)'));
    if (!cell || cell.links.length === 0) {
      evidence.append(
        h(
          'p',
          {},
          'No PURSUES link: the sources show no evidence path of the state or its bodies to this priority.',
        ),
      );
    } else {
      for (const link of cell.links) evidence.append(linkBlock(link, 'PURSUES'));
    }
    if (cell?.mayPursue.length) {
      evidence.append(
        h(
          'h3',
          { class: 'layer-head may-pursue-head' },
          'May pursue (MAY_PURSUE: a step is a curator’s reading or an assumption; not counted)',
        ),
      );
      const section = h('div', { class: 'may-pursue-links', 'aria-live': 'polite' });
      evidence.append(section);
      section.append(loading(LAYERS.mayPursue.what));
      void showLayerLinks(section, 'mayPursue', matrix.mandate.id, key);
    }
    if ((civilSociety.checked || !cell?.links.length) && matrix) {
      evidence.append(
        h(
          'h3',
          { class: 'layer-head civil-society-head' },
          'Civil society based in the state (CIVIL_SOCIETY_ENGAGES, not counted as the state)',
        ),
      );
      const section = h('div', { class: 'civil-society-links', 'aria-live': 'polite' });
      evidence.append(section);
      if (!cell?.civilSociety.length) {
        section.append(h('p', {}, 'No civil-society engagement recorded for this cell.'));
      } else {
        section.append(loading(LAYERS.civilSociety.what));
        void showLayerLinks(section, 'civilSociety', matrix.mandate.id, key);
      }
    }
    if (moveFocus) evidence.focus();
  }

  async function showLayerLinks(section: HTMLElement, layer: Layer, mandate: string, key: string) {
    try {
      const links = (await layerLinks(layer, mandate)).get(key) ?? [];
      clear(section);
      for (const link of links) section.append(linkBlock(link, LAYERS[layer].kind));
    } catch (error) {
      clear(section);
      section.append(
        failure(LAYERS[layer].what, error, () => void showLayerLinks(section, layer, mandate, key)),
      );
    }
  }

  void loadMandates();
  void loadMatrix();

  return {
    update(next: Route) {
      const mandateChanged =
        (next.mandate ?? DEFAULT_MANDATE) !== (route.mandate ?? DEFAULT_MANDATE);
      route = next;
      civilSociety.checked = next.civil === '1';
      showLayer();
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
