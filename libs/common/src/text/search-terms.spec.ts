import {
  documentTerms,
  foldText,
  searchDocument,
  searchQuery,
  searchTokens,
  searchWords,
  tagKey,
} from './search-terms';

describe('foldText', () => {
  it('drops diacritics and case, and reads đ as d', () => {
    expect(foldText('Học tập SUỐT ĐỜI')).toBe('hoc tap suot doi');
    expect(foldText('Đường đi')).toBe('duong di');
    expect(foldText('Nuôi trồng thủy sản')).toBe('nuoi trong thuy san');
  });

  it('folds text typed with combining marks like the precomposed text', () => {
    const combining = 'Ho\u0323c ta\u0302\u0323p';
    expect(foldText(combining)).toBe(foldText('Học tập'));
  });

  it('folds compatibility forms (full-width letters, ligatures)', () => {
    expect(foldText('ＨＯＣ ﬁle')).toBe('hoc file');
  });
});

describe('searchTokens', () => {
  it('splits on anything that is not a letter or a digit', () => {
    expect(searchTokens('An toàn thông tin (cán bộ, công chức) — 2026!')).toEqual([
      'an',
      'toan',
      'thong',
      'tin',
      'can',
      'bo',
      'cong',
      'chuc',
      '2026',
    ]);
  });

  it('yields nothing for punctuation, emoji and SQL metacharacters alone', () => {
    expect(searchTokens(`'"; -- /* */ % _ \\ +*~<>()@ 🎓🔥`)).toEqual([]);
  });

  it('keeps the letters around emoji and metacharacters', () => {
    expect(searchTokens("học🎓tập' OR 1=1 --")).toEqual(['hoc', 'tap', 'or', '1', '1']);
  });

  it('cuts very long tokens so they stay indexable', () => {
    const [token] = searchTokens('a'.repeat(500));
    expect(token).toHaveLength(60);
  });
});

describe('searchDocument', () => {
  it('marks every distinct token, so one-letter syllables and stopwords index', () => {
    expect(searchDocument(['Đi an toàn', 'an toàn', null])).toBe('zqdi zqan zqtoan');
    expect(searchDocument(['English for the world'])).toBe('zqenglish zqfor zqthe zqworld');
  });
});

describe('searchQuery', () => {
  it('requires every word and treats the last one as a prefix', () => {
    expect(searchQuery('hoc tap suot doi')).toBe('+zqhoc +zqtap +zqsuot +zqdoi*');
    expect(searchQuery('học tập')).toBe('+zqhoc +zqtap*');
    expect(searchQuery('HOC TAP')).toBe('+zqhoc +zqtap*');
    expect(searchQuery('đời')).toBe(searchQuery('doi'));
  });

  it('leaves no boolean operator of the user in the query', () => {
    expect(searchQuery('+hoc -tap "suot" doi* (x) ~y <z> @2')).toBe(
      '+zqhoc +zqtap +zqsuot +zqdoi +zqx +zqy +zqz +zq2*',
    );
  });

  it('is null when nothing searchable is left', () => {
    expect(searchQuery('!!! ... ???')).toBeNull();
    expect(searchQuery('   ')).toBeNull();
    expect(searchQuery('🎓')).toBeNull();
  });

  it('uses at most eight distinct words', () => {
    expect(searchQuery('a b c d e f g h i j k')?.split(' ')).toHaveLength(8);
    expect(searchQuery('hoc hoc hoc')).toBe('+zqhoc*');
  });
});

describe('tagKey', () => {
  it('makes one key of differently typed tags', () => {
    expect(tagKey('Kỹ năng số')).toBe('ky nang so');
    expect(tagKey('  KY-NANG  so ')).toBe('ky nang so');
  });
});

describe('documentTerms', () => {
  it('holds each folded word of every field once, without the index marker', () => {
    expect(documentTerms(['Học tập suốt đời', null, 'học TẬP', 'Kỹ năng số'])).toEqual([
      'hoc',
      'tap',
      'suot',
      'doi',
      'ky',
      'nang',
      'so',
    ]);
  });
});

describe('searchWords', () => {
  it('requires every word typed, the last one as a prefix', () => {
    expect(searchWords('Học tập SUỐT')).toEqual({ words: ['hoc', 'tap'], prefix: 'suot' });
    expect(searchWords('hoc hoc')).toEqual({ words: [], prefix: 'hoc' });
    expect(searchWords('%_ đ')).toEqual({ words: [], prefix: 'd' });
  });

  it('is nothing for punctuation or emoji, and at most eight words', () => {
    expect(searchWords('!!! 🎓')).toBeNull();
    const words = searchWords('a b c d e f g h i j')!;
    expect([...words.words, words.prefix]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
