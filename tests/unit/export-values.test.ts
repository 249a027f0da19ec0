import neo4j from 'neo4j-driver';
import { ARRAY_DELIMITER, field } from '../../src/export/csv';
import { xml } from '../../src/export/graphml';
import { tex } from '../../src/export/sources';
import { dateAtPrecision, parseAsOf } from '../../src/export/values';

describe('export values', () => {
  it('accepts an asOf that is a calendar day written YYYY-MM-DD, and nothing else', () => {
    expect(parseAsOf('2020-02-29')).toBe('2020-02-29');
    expect(parseAsOf(undefined)).toBeNull();
    expect(parseAsOf('')).toBeNull();
    for (const bad of ['2021-02-29', '2020-13-01', '2020-1-1', '2020', 'today', '2020-01-01T00:00'])
      expect(() => parseAsOf(bad)).toThrow(/YYYY-MM-DD/);
  });

  it('writes a stored date at the precision the source gave', () => {
    const d = (y: number, m: number, day: number) => new neo4j.types.Date(y, m, day);
    expect(dateAtPrecision(d(2011, 1, 1), 'year')).toBe('2011');
    expect(dateAtPrecision(d(2014, 12, 31), 'year')).toBe('2014');
    expect(dateAtPrecision(d(2017, 6, 1), 'month')).toBe('2017-06');
    expect(dateAtPrecision(d(2017, 6, 14), 'day')).toBe('2017-06-14');
    expect(dateAtPrecision(d(2017, 6, 14), undefined)).toBe('2017-06-14');
  });

  it('quotes CSV text, leaves a missing value empty and joins lists with the array delimiter', () => {
    expect(field(null)).toBe('');
    expect(field('')).toBe('""');
    expect(field('say "hi", twice\nthen stop')).toBe('"say ""hi"", twice\nthen stop"');
    expect(field(3)).toBe('3');
    expect(field(false)).toBe('false');
    expect(field(['a', '', 'b'])).toBe(`"a${ARRAY_DELIMITER}${ARRAY_DELIMITER}b"`);
    expect(field(new neo4j.types.Date(2017, 6, 1))).toBe('"2017-06-01"');
  });

  it('refuses a list element holding the array delimiter instead of splitting it on import', () => {
    expect(() => field([`a${ARRAY_DELIMITER}b`], 'state:XX')).toThrow(/state:XX/);
  });

  it('escapes XML and drops characters XML 1.0 cannot carry', () => {
    expect(xml('a < b & "c" > d\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('escapes the characters that mean something to TeX', () => {
    expect(tex('50% of {x} & y_1 #2 $3 ~ ^ \\')).toBe(
      '50\\% of \\{x\\} \\& y\\_1 \\#2 \\$3 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });
});
