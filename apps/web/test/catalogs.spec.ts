import { en } from '../src/i18n/en';
import { vi } from '../src/i18n/vi';

/** Every key path of a catalog, e.g. `auth.email`. */
function keys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe("the web app's texts", () => {
  it('has every Vietnamese key in English and every English key in Vietnamese', () => {
    const viKeys = keys(vi);
    const enKeys = keys(en);
    expect(viKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !viKeys.includes(key))).toEqual([]);
  });

  it('has no empty text in either language', () => {
    const empty = (catalog: object) =>
      keys(catalog).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(vi)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
