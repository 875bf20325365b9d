import { childPath, depthOf, idsOnPath, isWithin, subtreePattern } from './tree-path';

describe('tree paths', () => {
  const root = childPath(null, 'a');
  const child = childPath(root, 'b');
  const grandchild = childPath(child, 'c');

  it('builds paths from the root down', () => {
    expect([root, child, grandchild]).toEqual(['/a/', '/a/b/', '/a/b/c/']);
    expect(idsOnPath(grandchild)).toEqual(['a', 'b', 'c']);
  });

  it('counts depth from 1 at the root', () => {
    expect([depthOf(root), depthOf(child), depthOf(grandchild)]).toEqual([1, 2, 3]);
  });

  it('treats a node as inside its own subtree and not inside a sibling sharing a prefix', () => {
    expect(isWithin(grandchild, child)).toBe(true);
    expect(isWithin(child, child)).toBe(true);
    expect(isWithin(child, grandchild)).toBe(false);
    expect(isWithin(childPath(null, 'ab'), root)).toBe(false);
  });

  it('escapes LIKE wildcards in subtree patterns', () => {
    expect(subtreePattern('/a_b/')).toBe('/a\\_b/%');
    expect(subtreePattern('/a/')).toBe('/a/%');
  });
});
