import { parsePartialDate } from '../../src/seed/dates';

describe('parsePartialDate', () => {
  it('keeps the precision the source gives and the days it covers', () => {
    expect(parsePartialDate('2020')).toEqual({
      text: '2020',
      precision: 'year',
      first: '2020-01-01',
      last: '2020-12-31',
    });
    expect(parsePartialDate('2024-02')).toEqual({
      text: '2024-02',
      precision: 'month',
      first: '2024-02-01',
      last: '2024-02-29',
    });
    expect(parsePartialDate('2020-05-06')).toEqual({
      text: '2020-05-06',
      precision: 'day',
      first: '2020-05-06',
      last: '2020-05-06',
    });
  });

  it.each([
    '2020-13',
    '2021-02-29',
    '2020-00-10',
    '20',
    '2020/05/06',
    '6 May 2020',
    '2020-5-6',
    '',
  ])('rejects "%s"', (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });
});
