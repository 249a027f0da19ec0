import { evidenceOf, parseEvidencePath, ruleOfPath } from '../../src/graphql/evidence';

describe('evidence paths of derived PURSUES links', () => {
  const partner =
    'state:LT <-OMBUDSPERSON_FOR- ombuds:lt-controller -PARTNER_IN-> project:promise-2 -ADDRESSES-> priority:2017-child-friendly-justice';

  it('turns a stored path into steps with their ends, type and direction', () => {
    expect(parseEvidencePath(partner)).toEqual([
      {
        type: 'OMBUDSPERSON_FOR',
        direction: 'IN',
        startId: 'ombuds:lt-controller',
        endId: 'state:LT',
        nodeId: 'ombuds:lt-controller',
      },
      {
        type: 'PARTNER_IN',
        direction: 'OUT',
        startId: 'ombuds:lt-controller',
        endId: 'project:promise-2',
        nodeId: 'project:promise-2',
      },
      {
        type: 'ADDRESSES',
        direction: 'OUT',
        startId: 'project:promise-2',
        endId: 'priority:2017-child-friendly-justice',
        nodeId: 'priority:2017-child-friendly-justice',
      },
    ]);
  });

  it('refuses text that is not node, arrow, node', () => {
    expect(() => parseEvidencePath('state:LT')).toThrow(/not node, arrow, node/);
    expect(() => parseEvidencePath('state:LT <-X-> priority:y')).toThrow(/bad arrow/);
  });

  it('reads the rule of a path from its shape', () => {
    const rule = (text: string) => ruleOfPath(parseEvidencePath(text));
    expect(rule(partner)).toBe('body-partner-in-project');
    expect(rule('state:IS -PILOT_COUNTRY_OF-> project:x -ADDRESSES-> priority:y')).toBe(
      'pilot-country',
    );
    expect(rule('state:SE <-LOCATED_IN- service:s -ADDRESSES-> priority:y')).toBe(
      'national-service',
    );
    expect(rule('state:SE <-APPLIES_IN- law:l -ADDRESSES-> priority:y')).toBe('law');
    expect(rule('state:DK -HELD_PRESIDENCY-> presidency:p -DECLARED_PRIORITY-> priority:y')).toBe(
      'presidency',
    );
  });

  it('prefers the rules the loader stored, path by path', () => {
    const stored = { evidence: [partner], rules: ['pilot-country'] };
    expect(evidenceOf(stored).map((p) => p.rule)).toEqual(['pilot-country']);
    expect(evidenceOf({ evidence: [partner] }).map((p) => p.rule)).toEqual([
      'body-partner-in-project',
    ]);
  });
});

describe('grade reasons and period precisions of stored evidence paths', () => {
  const path = 'state:SE <-LOCATED_IN- service:s -ADDRESSES-> priority:y';

  it('reads each path its own grade reasons, in path order; none stored is none', () => {
    const stored = {
      evidence: [path, path],
      evidenceGradeReasons: [
        '[{"code":"OPEN_END","cap":"medium","step":null,"text":"no end is known for service:s"}]',
        '[]',
      ],
    };
    expect(evidenceOf(stored).map((p) => p.gradeReasons)).toEqual([
      [{ code: 'OPEN_END', cap: 'medium', step: null, text: 'no end is known for service:s' }],
      [],
    ]);
    expect(evidenceOf({ evidence: [path] })[0]!.gradeReasons).toBeUndefined();
  });

  it('gives each end of a path period the precision stored for it, none for an open end', () => {
    const [p] = evidenceOf({
      evidence: [path],
      evidencePeriods: ['2005-01-01/'],
      evidencePeriodPrecisions: ['year/'],
    });
    expect(p!.period).toEqual(
      expect.objectContaining({ fromPrecision: 'year', to: null, toPrecision: null }),
    );
    expect(String(p!.period!.from)).toBe('2005-01-01');
    // Links derived before precisions were stored keep their dates, without a precision.
    const [old] = evidenceOf({ evidence: [path], evidencePeriods: ['2014-05-01/2016-12-31'] });
    expect(old!.period).toEqual(
      expect.objectContaining({ fromPrecision: null, toPrecision: null }),
    );
  });
});
