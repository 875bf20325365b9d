import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// A lib's module exports only what another module or an app injects (architecture: small public
// surfaces). Read from Nest's own metadata: each module's providers, controllers and exports,
// and each class's constructor parameter types. Tests and benchmarks need no export: their
// `get(X)` is not strict and finds a provider in any module.
const ROOT = join(__dirname, '..', '..');
type Class = abstract new (...args: never[]) => unknown;

/**
 * Exported although no constructor names them: organizations binds these ports for the whole
 * application, and identity and audit resolve them with a non-strict `moduleRef.get` at first use.
 */
const BOUND_FOR_EVERY_MODULE = new Set(['ScopeHierarchy', 'PersonPlacements', 'AuditPlaces']);

const isClass = (value: unknown): value is Class => typeof value === 'function';
const isModule = (value: unknown): value is Class =>
  isClass(value) &&
  ['imports', 'providers', 'controllers', 'exports'].some((key) =>
    Reflect.hasOwnMetadata(key, value),
  );
const list = (key: string, module: Class): unknown[] =>
  (Reflect.getOwnMetadata(key, module) as unknown[] | undefined) ?? [];
const classOf = (provider: unknown): Class | undefined =>
  isClass(provider)
    ? provider
    : provider && typeof provider === 'object' && 'provide' in provider && isClass(provider.provide)
      ? provider.provide
      : undefined;
/** The modules a module imports, the dynamic ones (`forFeature`, `forRoot`) by their class. */
const imports = (module: unknown): unknown[] =>
  isModule(module)
    ? list('imports', module).map((imported) =>
        imported && typeof imported === 'object' && 'module' in imported
          ? imported.module
          : imported,
      )
    : [];
const injected = (cls: Class): unknown[] =>
  (Reflect.getOwnMetadata('design:paramtypes', cls) as unknown[] | undefined) ?? [];

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? tsFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && entry.name !== 'main.ts'
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Every lib's modules (from its index, and what they import), and the apps' classes. */
function load(): { modules: Map<Class, string>; appClasses: Class[] } {
  const modules = new Map<Class, string>();
  const visit = (value: unknown, lib: string): void => {
    if (!isModule(value) || modules.has(value)) return;
    modules.set(value, lib);
    for (const imported of imports(value)) visit(imported, lib);
  };
  const doors = readdirSync(join(ROOT, 'libs')).map((lib) => ({
    lib,
    exported: Object.values(
      jest.requireActual<Record<string, unknown>>(join(ROOT, 'libs', lib, 'src')),
    ),
  }));
  // Each lib's own modules first, so that a module is named after the lib that declares it.
  for (const { lib, exported } of doors) {
    for (const value of exported) if (isModule(value)) modules.set(value, lib);
  }
  for (const { lib, exported } of doors) {
    for (const value of exported) for (const imported of imports(value)) visit(imported, lib);
  }
  // main.ts starts a process when loaded, and specs are not the app; the rest only declares.
  const appClasses = ['api', 'worker', 'cli']
    .flatMap((app) => tsFiles(join(ROOT, 'apps', app, 'src')))
    .flatMap((file) => Object.values(jest.requireActual<Record<string, unknown>>(file)))
    .filter(isClass);
  return { modules, appClasses };
}

describe("libs' module exports", () => {
  it('exports only providers that another module or an app injects', () => {
    const { modules, appClasses } = load();
    // Who injects what, by the module (or app) the injecting class belongs to.
    const injectors = new Map<unknown, Set<unknown>>();
    const record = (owner: unknown, cls: Class) => {
      for (const dependency of injected(cls)) {
        const owners = injectors.get(dependency) ?? new Set();
        injectors.set(dependency, owners.add(owner));
      }
    };
    for (const module of modules.keys()) {
      record(module, module);
      for (const member of [...list('providers', module), ...list('controllers', module)]) {
        const cls = classOf(member);
        if (cls) record(module, cls);
      }
    }
    for (const cls of appClasses) record('apps', cls);

    const unused: string[] = [];
    for (const [module, lib] of modules) {
      for (const exported of list('exports', module)) {
        // A re-exported module, or a token that is not a class, is not a provider to look up.
        if (!isClass(exported) || imports(module).includes(exported)) continue;
        if (BOUND_FOR_EVERY_MODULE.has(exported.name)) continue;
        const outside = [...(injectors.get(exported) ?? [])].filter((owner) => owner !== module);
        if (outside.length === 0) unused.push(`${lib}: ${module.name} exports ${exported.name}`);
      }
    }
    expect(modules.size).toBeGreaterThan(20);
    expect(unused).toEqual([]);
  });
});
