import { searchWords } from '@lifelong/common';
import { type CatalogueCriteria, chooseWalk, countCap, type TermCounts } from './catalogue-sql';
import { ALL, facilityTerm, tagTerm } from './catalogue-terms';

// Which key a listing walks, on the counts of the national bench (200,000 courses, 20
// provinces of 10 communes of 2 facilities, a tag on every sixth course).
describe('the catalogue’s walk', () => {
  const need = countCap({ offset: 0, limit: 20 }) + 1;
  const province = Array.from({ length: 20 }, (_, i) => `f${i}`);
  const counts = (prefixTerms: string[], courses: Record<string, number>): TermCounts => ({
    prefixTerms,
    courses: new Map(
      Object.entries({
        [ALL]: 200_000,
        ...Object.fromEntries(province.map((id) => [facilityTerm(id), 500])),
        ...courses,
      }),
    ),
  });
  const text = (q: string) => searchWords(q);

  it('walks the rarer word of a broad search, whole or the words its prefix starts', () => {
    const criteria: CatalogueCriteria = { text: text('hoc tap') };
    expect(chooseWalk(criteria, counts(['tap'], { hoc: 199_000, tap: 26_667 }), need)).toEqual({
      by: 'prefix',
      terms: ['tap'],
    });
    const prefixFirst: CatalogueCriteria = { text: text('tap hoc') };
    expect(
      chooseWalk(prefixFirst, counts(['hoc', 'hocsinh'], { hoc: 199_000, tap: 26_667 }), need),
    ).toEqual({ by: 'word', term: 'tap' });
  });

  it('walks a rare word of a search in a province, checking the facility in the row', () => {
    const criteria: CatalogueCriteria = {
      text: text('an toàn thông'),
      facilities: { facilityIds: province },
    };
    expect(
      chooseWalk(criteria, counts(['thong'], { an: 53_000, toan: 53_000, thong: 26_667 }), need),
    ).toEqual({ by: 'prefix', terms: ['thong'] });
  });

  it('walks the whole catalogue for a province, a commune’s few facilities by their keys', () => {
    expect(
      chooseWalk({ text: null, facilities: { facilityIds: province } }, counts([], {}), need),
    ).toEqual({ by: 'all' });
    expect(
      chooseWalk({ text: null, facilities: { facilityIds: ['f0', 'f1'] } }, counts([], {}), need),
    ).toEqual({ by: 'facilities' });
  });

  it('walks a tag when every course under it matches the words', () => {
    const criteria: CatalogueCriteria = { text: text('ky nang so'), tagKey: 'ky nang so' };
    expect(
      chooseWalk(
        criteria,
        counts(['so', 'soc'], {
          ky: 40_000,
          nang: 62_000,
          so: 40_000,
          soc: 26_667,
          [tagTerm('ky nang so')]: 33_333,
        }),
        need,
      ),
    ).toEqual({ by: 'tag' });
  });

  it('knows nothing matches a word, a tag or a facility no listed course has', () => {
    expect(chooseWalk({ text: text('hoc xyz') }, counts([], { hoc: 199_000 }), need)).toBeNull();
    expect(
      chooseWalk({ text: text('zzz hoc') }, counts(['hoc'], { hoc: 199_000 }), need),
    ).toBeNull();
    expect(chooseWalk({ text: null, tagKey: 'khong co' }, counts([], {}), need)).toBeNull();
    expect(
      chooseWalk({ text: null, facilities: { facilityIds: ['elsewhere'] } }, counts([], {}), need),
    ).toBeNull();
  });
});
