import { formatPeriod, h, sourceItem, words } from '../dom';
import type { EvidencePath, GradeReason, Link } from './matrix-types';

/**
 * One derived link of a matrix cell as the evidence panel lists it: its
 * rule, period and grade, then each evidence path with what set the path's
 * grade (its grade reasons) and every step with its sources and quotes.
 * `kind` names the relationship: PURSUES (the state acting, as the sources
 * show), MAY_PURSUE (state action resting on a reading or an assumption) or
 * CIVIL_SOCIETY_ENGAGES (civil society based in the state).
 */
export type LinkKind = 'PURSUES' | 'MAY_PURSUE' | 'CIVIL_SOCIETY_ENGAGES';
const LINK_CLASS: Record<LinkKind, string> = {
  PURSUES: 'pursues',
  MAY_PURSUE: 'may-pursue',
  CIVIL_SOCIETY_ENGAGES: 'civil-society',
};

export function linkBlock(link: Link, kind: LinkKind): HTMLElement {
  const paths = h('ol', { class: 'paths' });
  link.evidence.forEach((path, i) => paths.append(pathBlock(path, i)));
  const period =
    link.period && (link.period.from || link.period.to) ? ` · ${formatPeriod(link.period)}` : '';
  return h(
    'article',
    { class: `link ${LINK_CLASS[kind]}` },
    h(
      'p',
      { class: 'meta' },
      `${kind} link by rule ${words(link.rule)}${period} · grade ${words(link.confidence) || 'not given'}${link.unverified ? ' · unverified' : ''}`,
    ),
    paths,
  );
}

function pathBlock(path: EvidencePath, index: number): HTMLElement {
  const capping = new Map<number, GradeReason[]>();
  for (const reason of path.gradeReasons) {
    if (reason.step === null) continue;
    capping.set(reason.step, [...(capping.get(reason.step) ?? []), reason]);
  }
  const steps = h('ol', { class: 'steps' });
  path.steps.forEach((step, i) => {
    const quotes = h('ul', { class: 'sources' });
    for (const ref of step.sources) quotes.append(sourceItem(ref, ref.source.id));
    const caps = capping.get(i) ?? [];
    steps.append(
      h(
        'li',
        caps.length ? { class: 'capping', 'data-step': i } : { 'data-step': i },
        h(
          'span',
          { class: 'rel' },
          `${step.direction === 'IN' ? '←' : '→'} ${step.relationshipType}`,
        ),
        ' ',
        h('a', { href: `#view=graph&entity=${encodeURIComponent(step.node.id)}` }, step.node.name),
        h(
          'span',
          { class: 'meta' },
          ` ${words(step.node.label)} · ${formatPeriod(step.period)}${step.confidence ? ` · ${words(step.confidence)}` : ''}${step.unverified ? ' · unverified' : ''}`,
        ),
        caps.length
          ? h('span', { class: 'cap-mark' }, ` · caps the grade at ${words(caps[0]!.cap)}`)
          : null,
        step.sources.length ? quotes : h('p', { class: 'meta' }, 'No source on this step.'),
      ),
    );
  });
  return h(
    'li',
    { class: 'path', 'data-grade': path.confidence ?? '' },
    h('h3', {}, `Path ${index + 1}: ${words(path.rule)}`),
    h(
      'p',
      { class: 'meta' },
      `Period ${formatPeriod(path.period)} · grade ${words(path.confidence) || 'not given'}${path.unverified ? ' · unverified' : ''}`,
    ),
    reasonsBlock(path),
    steps,
  );
}

/** Why the path has its grade: each reason with the step it names; none means nothing lowered it. */
function reasonsBlock(path: EvidencePath): HTMLElement {
  if (path.gradeReasons.length === 0)
    return h('p', { class: 'reasons none' }, 'Why this grade: nothing lowered it.');
  const list = h('ul', { class: 'reasons' });
  for (const reason of path.gradeReasons) {
    const where = reason.step === null ? 'the whole path' : `step ${reason.step + 1}`;
    list.append(
      h(
        'li',
        { 'data-code': reason.code, 'data-cap': reason.cap },
        h('strong', {}, `at most ${words(reason.cap)}`),
        ` (${where}): ${reason.text}`,
      ),
    );
  }
  return h('div', { class: 'reasons' }, h('p', { class: 'reasons-head' }, 'Why this grade:'), list);
}
