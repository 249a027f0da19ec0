import neo4j from 'neo4j-driver';
import type {
  EvidencePathObject,
  EvidenceStepObject,
  GradeReasonObject,
  PeriodObject,
} from './model';

/**
 * The evidence paths of a derived link (PURSUES, CIVIL_SOCIETY_ENGAGES). The loader stores each path
 * as text ("state:LT <-OMBUDSPERSON_FOR- ombuds:lt -PARTNER_IN-> project:x
 * -ADDRESSES-> priority:y") with the rule that accepted it; this turns them
 * into steps the API can resolve to entities and their sourced relationships.
 */
const ARROW = /^(<-)?-?([A-Z][A-Z_]*)-(>)?$/;

export function parseEvidencePath(text: string): EvidenceStepObject[] {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 3 || tokens.length % 2 === 0)
    throw new Error(`evidence path "${text}" is not node, arrow, node, ...`);
  const steps: EvidenceStepObject[] = [];
  for (let i = 1; i < tokens.length; i += 2) {
    const m = ARROW.exec(tokens[i]!);
    const incoming = m?.[1] === '<-' && m[3] === undefined;
    const outgoing = m?.[1] === undefined && m?.[3] === '>';
    if (!m || incoming === outgoing)
      throw new Error(`evidence path "${text}": bad arrow ${tokens[i]}`);
    const here = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    steps.push({
      type: m[2]!,
      direction: outgoing ? 'OUT' : 'IN',
      startId: outgoing ? here : next,
      endId: outgoing ? next : here,
      nodeId: next,
    });
  }
  return steps;
}

/**
 * The derivation rule a path follows, read from its shape, for links derived
 * before the loader stored rules.
 */
export function ruleOfPath(steps: EvidenceStepObject[]): string {
  const types = steps.map((s) => s.type);
  if (types[0] === 'PILOT_COUNTRY_OF') return 'pilot-country';
  if (types[0] === 'HELD_PRESIDENCY') return 'presidency';
  if (types[0] === 'APPLIES_IN') return 'law';
  if (types[1] === 'PARTNER_IN') return 'body-partner-in-project';
  if (types[0] === 'LOCATED_IN' && types[1] === 'ADDRESSES') return 'national-service';
  throw new Error(`no derivation rule has the shape ${types.join(', ')}`);
}

/**
 * "2015-01-01/2017-10-31" (either side may be empty) as a period; null when
 * both are. `precisions` ("day/year", stored beside it) gives each end's
 * precision as the fact that set it wrote it; empty where unknown.
 */
export function parsePathPeriod(
  text: string | undefined,
  precisions?: string,
): PeriodObject | null {
  if (!text) return null;
  const [from = '', to = ''] = text.split('/');
  const [fromPrecision = '', toPrecision = ''] = (precisions ?? '').split('/');
  const date = (d: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  };
  if (!date(from) && !date(to)) return null;
  return {
    from: date(from),
    fromPrecision: date(from) && fromPrecision ? fromPrecision : null,
    to: date(to),
    toPrecision: date(to) && toPrecision ? toPrecision : null,
  };
}

/** A path's stored grade reasons: a JSON array of {code, cap, step, text}. */
export function parseGradeReasons(json: string | undefined): GradeReasonObject[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error(`grade reasons ${json} are not a list`);
  return parsed.map((r: Record<string, unknown>) => ({
    code: String(r.code),
    cap: String(r.cap),
    step: typeof r.step === 'number' ? r.step : null,
    text: String(r.text),
  }));
}

/** The evidence of a stored derived relationship, best path first. */
export function evidenceOf(stored: Record<string, unknown>): EvidencePathObject[] {
  const texts = (stored.evidence as string[] | undefined) ?? [];
  const rules = (stored.rules as string[] | undefined) ?? [];
  const confidences = stored.evidenceConfidence as string[] | undefined;
  const unverified = stored.evidenceUnverified as boolean[] | undefined;
  const periods = stored.evidencePeriods as string[] | undefined;
  const precisions = stored.evidencePeriodPrecisions as string[] | undefined;
  const reasons = stored.evidenceGradeReasons as string[] | undefined;
  return texts.map((text, i) => {
    const steps = parseEvidencePath(text);
    return {
      rule: rules[i] ?? ruleOfPath(steps),
      steps,
      ...(confidences ? { confidence: confidences[i] } : {}),
      ...(unverified ? { unverified: unverified[i] === true } : {}),
      ...(periods ? { period: parsePathPeriod(periods[i], precisions?.[i]) } : {}),
      ...(reasons ? { gradeReasons: parseGradeReasons(reasons[i]) } : {}),
    };
  });
}
