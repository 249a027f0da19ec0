/**
 * Colour-blind-safe colours: one ordered hue for the matrix's grades (see
 * GRADE_COLOURS) and Okabe–Ito for labels (distinct under the common
 * colour-vision deficiencies), with shapes as a second cue where there are
 * more labels than colours.
 */
const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
];
const SHAPES = [
  'ellipse',
  'round-rectangle',
  'diamond',
  'hexagon',
  'triangle',
  'star',
  'vee',
] as const;

/** Labels in a fixed order so each keeps its colour and shape across views. */
const LABELS = [
  'STATE',
  'PROJECT',
  'ORGANISATION',
  'BODY',
  'PRIORITY',
  'MINISTRY',
  'OMBUDSPERSON_INSTITUTION',
  'SOURCE',
  'MEETING',
  'PERSON',
  'SERVICE',
  'LAW',
  'COUNTRY',
  'EVENT',
  'PRESIDENCY',
  'MANDATE',
  'AGENCY',
  'OUTPUT',
  'PROGRAMME',
  'MESSAGE',
  'INSTRUMENT',
  'NAME',
];

export function labelStyle(label: string): { colour: string; shape: (typeof SHAPES)[number] } {
  const index = LABELS.indexOf(label);
  const i = index < 0 ? LABELS.length : index;
  return {
    colour: OKABE_ITO[i % OKABE_ITO.length] ?? '#999999',
    shape: SHAPES[Math.floor(i / OKABE_ITO.length) % SHAPES.length] ?? 'ellipse',
  };
}

/** A PURSUES link's grade, strongest first (the API's Confidence enum). */
export const GRADES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Grade = (typeof GRADES)[number];

/**
 * The matrix encodes how sure, not how many: one colour per grade, dark
 * (high) to light (low) in one hue (ColorBrewer Blues: ordered in greyscale
 * and under the common colour-vision deficiencies), each with a text colour
 * of at least 7:1 contrast. A cell whose links are all unverified is hatched
 * on top of its grade colour (styles.css, button.cell.unverified).
 */
export const GRADE_COLOURS: Record<Grade, { background: string; text: string }> = {
  HIGH: { background: '#08519c', text: '#ffffff' },
  MEDIUM: { background: '#6baed6', text: '#000000' },
  LOW: { background: '#deebf7', text: '#000000' },
};

export const isGrade = (value: string | null | undefined): value is Grade =>
  (GRADES as readonly string[]).includes(value ?? '');
