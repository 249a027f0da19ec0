/**
 * Colour-blind-safe colours: viridis for the matrix's counts (ordered,
 * perceptually uniform, readable in greyscale) and Okabe–Ito for labels
 * (distinct under the common colour-vision deficiencies), with shapes as a
 * second cue where there are more labels than colours.
 */
const VIRIDIS = [
  '#fde725',
  '#b5de2b',
  '#6ece58',
  '#35b779',
  '#1f9e89',
  '#26828e',
  '#31688e',
  '#3e4989',
  '#482878',
  '#440154',
];

/** Light (few) to dark (many), with a text colour that keeps AA contrast. */
export function heat(value: number, max: number): { background: string; text: string } {
  const t = max <= 1 ? 0 : (value - 1) / (max - 1);
  const index = Math.min(VIRIDIS.length - 1, Math.round(t * (VIRIDIS.length - 1)));
  return { background: VIRIDIS[index] ?? '#fde725', text: index >= 4 ? '#ffffff' : '#000000' };
}

export const HEAT_SCALE = VIRIDIS;

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
