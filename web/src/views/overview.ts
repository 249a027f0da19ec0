import { read } from '../api';
import { clear, failure, h, loading, words } from '../dom';
import { labelStyle } from '../palette';
import type { OverviewQuery } from '../generated/queries';
import { markRendered, type ViewFactory } from './types';

/** The overview document's answer (web/queries/overview.graphql), as generated from the contract. */
type Overview = OverviewQuery;

function figure(value: number, caption: string, warn = false): HTMLElement {
  return h(
    'div',
    { class: warn && value > 0 ? 'figure warn' : 'figure' },
    h('span', { class: 'value' }, value.toLocaleString('en')),
    h('span', { class: 'caption' }, caption),
  );
}

function bars(title: string, rows: { name: string; count: number; colour: string }[]): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const list = h('ul', { class: 'bars' });
  for (const row of [...rows].sort((a, b) => b.count - a.count)) {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.width = `${(row.count / max) * 100}%`;
    bar.style.backgroundColor = row.colour;
    list.append(
      h(
        'li',
        {},
        h('span', { class: 'name' }, words(row.name)),
        h('span', { class: 'track' }, bar),
        h('span', { class: 'count' }, row.count.toLocaleString('en')),
      ),
    );
  }
  return h('section', { class: 'card' }, h('h2', {}, title), list);
}

export const overviewView: ViewFactory = (container) => {
  const body = h('div', { class: 'overview' });
  container.append(body);

  async function load(): Promise<void> {
    clear(body);
    body.append(loading('the overview'));
    try {
      const data = await read<Overview>('overview');
      draw(data);
      markRendered('overview');
    } catch (error) {
      clear(body);
      body.append(failure('the overview', error, () => void load()));
    }
  }

  function draw({ counts, dataQuality: dq }: Overview): void {
    clear(body);
    const entities = counts.labels.reduce((s, l) => s + l.count, 0);
    const relationships = counts.relationships.reduce((s, r) => s + r.count, 0);
    const sources = dq.sourcesByKind.reduce((s, k) => s + k.count, 0);
    body.append(
      h(
        'section',
        { class: 'card wide', 'aria-labelledby': 'totals-title' },
        h('h2', { id: 'totals-title' }, 'The graph'),
        h(
          'div',
          { class: 'figures' },
          figure(entities, 'entities'),
          figure(relationships, 'relationships'),
          figure(sources, 'sources'),
          ...dq.sourcesByKind.map((k) => figure(k.count, `sources: ${words(k.kind)}`)),
        ),
      ),
      h(
        'section',
        { class: 'card wide', 'aria-labelledby': 'dq-title' },
        h('h2', { id: 'dq-title' }, 'Data quality'),
        h(
          'div',
          { class: 'figures' },
          figure(dq.unsourcedNodes, 'entities without a source', true),
          figure(dq.unsourcedRelationships, 'relationships without a source', true),
          figure(dq.unverifiedNodes, 'unverified entities'),
          figure(dq.unverifiedRelationships, 'unverified relationships'),
          figure(
            dq.pursuesOutsideMandate,
            'derived state–priority links outside their mandate',
            true,
          ),
        ),
      ),
      h(
        'section',
        { class: 'card wide', 'aria-labelledby': 'consistency-title' },
        h('h2', { id: 'consistency-title' }, 'Consistency'),
        h(
          'div',
          { class: 'figures' },
          figure(dq.membershipOutlastsState, 'memberships outlasting the CBSS membership', true),
          figure(dq.periodDisagreesWithRelationship, 'periods disagreeing with their link', true),
          figure(dq.overlappingMandates, 'overlapping mandates', true),
          figure(
            dq.generalKnowledgeNotUnverified,
            'general-knowledge facts not flagged unverified',
            true,
          ),
        ),
      ),
      bars(
        'Entities by label',
        counts.labels.map((l) => ({
          name: l.label,
          count: l.count,
          colour: labelStyle(l.label).colour,
        })),
      ),
      bars(
        'Relationships by type',
        counts.relationships.map((r) => ({ name: r.type, count: r.count, colour: '#0072B2' })),
      ),
    );
  }

  void load();
  return { update: () => undefined };
};
