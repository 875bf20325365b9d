/**
 * cmi5 lessons (docs/xapi.md, cmi5): an instructor uploads a cmi5 package (a zip with
 * `cmi5.xml`) to a cmi5 lesson; it is checked (zip bombs, unsafe names, the course structure)
 * and unpacked into the media storage, served under a signed path with a strict CSP, launched
 * per the cmi5 specification (fetch URL, auth token, `LMS.LaunchData`), and its `completed` /
 * `passed` statements complete the lesson by the AU's `moveOn`.
 *
 * Import {@link Cmi5Module} for the services; the api adds {@link Cmi5HttpModule}. No jobs.
 */

export { Cmi5Module } from './cmi5.module';
export { Cmi5HttpModule } from './cmi5.http.module';

/** Why the lib refused something. */
export { Cmi5Error, type Cmi5ErrorCode } from './cmi5-error';
/** Packages: unpacking an uploaded zip into a lesson's package, and reading it. */
export { Cmi5Packages, type PackageView } from './packages/cmi5-packages.service';
/** Launching a package for an enrolled learner, and the sessions behind launch credentials. */
export { Cmi5Launches, type LaunchView } from './launch/cmi5-launch.service';
export { Cmi5Sessions, type FetchAnswer } from './launch/cmi5-sessions.service';
/** The pure rules: reading `cmi5.xml`, the zip checks, and `moveOn`. */
export {
  type AssignableUnit,
  LAUNCH_METHODS,
  type LaunchMethod,
  MOVE_ON,
  type MoveOn,
  readCourseStructure,
} from './packages/course-structure';
export { PACKAGE_LIMITS, type PackageLimits, unpackPackage } from './packages/zip-package';
export { moveOnSatisfied } from './launch/move-on';
/** Who uploads packages. */
export { PACKAGE_UPLOADERS } from './policies';
