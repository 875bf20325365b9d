import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Cmi5Error } from '../cmi5-error';

/** How an AU completes its lesson (cmi5 `moveOn`). */
export const MOVE_ON = [
  'Completed',
  'Passed',
  'CompletedAndPassed',
  'CompletedOrPassed',
  'NotApplicable',
] as const;
export type MoveOn = (typeof MOVE_ON)[number];

/** Where the AU opens: a frame of the lesson page (`AnyWindow`) or a window of its own. */
export const LAUNCH_METHODS = ['AnyWindow', 'OwnWindow'] as const;
export type LaunchMethod = (typeof LAUNCH_METHODS)[number];

/** The one assignable unit of a package, as its `cmi5.xml` describes it. */
export interface AssignableUnit {
  courseIri: string;
  auIri: string;
  title: string;
  /** Relative to the package root, no `..`: the file part must be one of the package's files. */
  launchPath: string;
  launchParameters: string | null;
  launchMethod: LaunchMethod;
  moveOn: MoveOn;
  masteryScore: number | null;
}

/** `cmi5.xml` larger than this is refused before it is parsed. */
export const MAX_STRUCTURE_BYTES = 512 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['au', 'block', 'langstring'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  trimValues: true,
});

type Node = Record<string, unknown>;

const invalid = (message: string): Cmi5Error => Cmi5Error.invalid('structure', message);

const isIri = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && value.length <= 2000;

/** The text of a `<title>`: its Vietnamese langstring, else its first. */
function titleOf(node: unknown): string {
  const strings = ((node as Node | undefined)?.langstring ?? []) as Node[];
  const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
  const vietnamese = strings.find((s) => textOf(s['@lang']).toLowerCase().startsWith('vi'));
  const chosen = vietnamese ?? strings[0];
  return (chosen ? textOf(chosen['#text']).trim() : '').slice(0, 500);
}

/** Every AU, in blocks or not, in document order. */
function unitsOf(node: Node): Node[] {
  const units = [...((node.au ?? []) as Node[])];
  for (const block of (node.block ?? []) as Node[]) units.push(...unitsOf(block));
  return units;
}

/**
 * The AU's `url` as a path inside the package: relative, no scheme or host (content elsewhere is
 * refused: the platform serves only what the package holds), no `..`, `.`, backslashes or empty
 * segments. The query string (if any) is kept beside the path.
 */
export function packagedLaunchPath(url: string): { path: string; query: string } {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('/'))
    throw Cmi5Error.invalid('launch-url', 'The AU url must be a file of the package', { url });
  const [rawPath = '', ...rest] = trimmed.split('#')[0]!.split('?');
  const query = rest.join('?');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw Cmi5Error.invalid('launch-url', 'The AU url is not a valid path', { url });
  }
  const segments = path.split('/');
  if (
    path === '' ||
    path.includes('\\') ||
    path.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  )
    throw Cmi5Error.invalid('launch-url', 'The AU url must be a file of the package', { url });
  return { path, query };
}

/**
 * Reads a package's `cmi5.xml`: well-formed XML without a DOCTYPE (no entities to expand), a
 * `courseStructure` with a course id and exactly one AU (one lesson, one unit), whose id is an
 * IRI, `url` a packaged file, `moveOn`, `launchMethod` and `masteryScore` valid when given.
 */
export function readCourseStructure(xml: string): AssignableUnit {
  if (Buffer.byteLength(xml, 'utf8') > MAX_STRUCTURE_BYTES)
    throw invalid('cmi5.xml is larger than 512 KiB');
  if (/<!DOCTYPE/i.test(xml)) throw invalid('cmi5.xml may not declare a DOCTYPE');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`cmi5.xml is not well-formed XML: ${valid.err.msg}`);
  const root = (parser.parse(xml) as Node).courseStructure as Node | undefined;
  if (!root || typeof root !== 'object') throw invalid('cmi5.xml has no courseStructure');
  const course = root.course as Node | undefined;
  if (!course || !isIri(course['@id'])) throw invalid('The course needs an id (an IRI)');
  const units = unitsOf(root);
  if (units.length !== 1)
    throw invalid(`A lesson takes a package with exactly one AU (this one has ${units.length})`);
  const au = units[0]!;
  if (!isIri(au['@id'])) throw invalid('The AU needs an id (an IRI)');
  if (typeof au.url !== 'string' || au.url.trim() === '') throw invalid('The AU needs a url');
  packagedLaunchPath(au.url);
  const moveOn = (au['@moveOn'] ?? 'NotApplicable') as MoveOn;
  if (!MOVE_ON.includes(moveOn)) throw invalid(`moveOn must be one of ${MOVE_ON.join(', ')}`);
  const launchMethod = (au['@launchMethod'] ?? 'AnyWindow') as LaunchMethod;
  if (!LAUNCH_METHODS.includes(launchMethod))
    throw invalid(`launchMethod must be one of ${LAUNCH_METHODS.join(', ')}`);
  let masteryScore: number | null = null;
  if (au['@masteryScore'] !== undefined) {
    masteryScore = Number(au['@masteryScore']);
    if (!Number.isFinite(masteryScore) || masteryScore < 0 || masteryScore > 1)
      throw invalid('masteryScore must be a number from 0 to 1');
  }
  const parameters = au.launchParameters;
  return {
    courseIri: course['@id'],
    auIri: au['@id'],
    title: titleOf(au.title) || titleOf(course.title) || au['@id'],
    launchPath: au.url.trim(),
    launchParameters: typeof parameters === 'string' && parameters !== '' ? parameters : null,
    launchMethod,
    moveOn,
    masteryScore,
  };
}
