import { CoursesModule } from '@lifelong/courses';
import { DistanceLessonsModule } from '@lifelong/distance-lessons';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { LaunchSessions, LearningRecordsModule } from '@lifelong/learning-records';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cmi5Launches } from './launch/cmi5-launch.service';
import { Cmi5LaunchesRepository } from './launch/cmi5-launches.repository';
import { Cmi5Registration } from './launch/cmi5-registration.entity';
import { Cmi5Session } from './launch/cmi5-session.entity';
import { Cmi5Sessions } from './launch/cmi5-sessions.service';
import { Cmi5Package } from './packages/cmi5-package.entity';
import { Cmi5PackageReads } from './packages/cmi5-package-reads.service';
import { Cmi5Packages } from './packages/cmi5-packages.service';
import { Cmi5PackagesRepository } from './packages/cmi5-packages.repository';
import { ContentFiles } from './packages/content-files.service';
import { Cmi5Lessons } from './packages/cmi5-lessons.service';
import { PackageManifests } from './packages/package-manifests.service';

const SERVICES = [
  Cmi5Launches,
  Cmi5PackageReads,
  Cmi5Packages,
  Cmi5Sessions,
  ContentFiles,
  Cmi5Lessons,
];

const INTERNAL = [PackageManifests, Cmi5LaunchesRepository, Cmi5PackagesRepository];

/**
 * cmi5 lessons: packages (checked, unpacked into the media storage), launches, and the launch
 * credentials the xAPI store accepts, bound here as learning-records' {@link LaunchSessions}.
 * Needs courses, enrollment, distance-lessons (media storage) and learning-records.
 */
@Module({
  imports: [
    IdentityModule,
    CoursesModule,
    EnrollmentModule,
    DistanceLessonsModule,
    LearningRecordsModule,
    TypeOrmModule.forFeature([Cmi5Package, Cmi5Registration, Cmi5Session]),
  ],
  providers: [...SERVICES, ...INTERNAL, { provide: LaunchSessions, useExisting: Cmi5Sessions }],
  exports: SERVICES,
})
export class Cmi5Module {}
