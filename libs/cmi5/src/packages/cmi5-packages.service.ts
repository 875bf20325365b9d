import { Clock, newId } from '@lifelong/common';
import { LessonPackages } from '@lifelong/courses';
import { MediaStorage } from '@lifelong/distance-lessons';
import { Injectable } from '@nestjs/common';
import { Cmi5Error } from '../cmi5-error';
import { Cmi5Package } from './cmi5-package.entity';
import { Cmi5PackagesRepository } from './cmi5-packages.repository';
import { contentTypeOf } from './content-types';
import type { Cmi5Lesson } from './cmi5-lessons.service';
import { type PackageManifest, PackageManifests } from './package-manifests.service';
import { unpackPackage } from './zip-package';

/** A package as the studio and the lesson page see it. */
export interface PackageView {
  packageId: string;
  lessonId: string;
  title: string;
  auId: string;
  moveOn: Cmi5Package['moveOn'];
  masteryScore: number | null;
  launchMethod: Cmi5Package['launchMethod'];
  fileCount: number;
  byteSize: number;
  uploadedAt: Date;
}

export const packageView = (found: Cmi5Package): PackageView => ({
  packageId: found.id,
  lessonId: found.lessonId,
  title: found.title,
  auId: found.auIri,
  moveOn: found.moveOn,
  masteryScore: found.masteryScore === null ? null : Number(found.masteryScore),
  launchMethod: found.launchMethod,
  fileCount: found.fileCount,
  byteSize: Number(found.byteSize),
  uploadedAt: found.createdAt,
});

/**
 * cmi5 packages of lessons: an uploaded zip is checked (entries, sizes, `cmi5.xml`) while its
 * files go into the media storage under `cmi5/<packageId>/`, then recorded as the lesson's
 * newest package. A refused package leaves nothing behind.
 */
@Injectable()
export class Cmi5Packages {
  constructor(
    private readonly packages: Cmi5PackagesRepository,
    private readonly storage: MediaStorage,
    private readonly manifests: PackageManifests,
    private readonly lessonPackages: LessonPackages,
    private readonly clock: Clock,
  ) {}

  /** Unpacks the zip at `zipPath` (already on local disk) into a new package of the lesson. */
  async accept(target: Cmi5Lesson, uploadedBy: string, zipPath: string): Promise<PackageView> {
    const packageId = newId();
    const manifest: PackageManifest = new Map();
    try {
      const inspected = await unpackPackage(zipPath, async (file, body) => {
        const key = `cmi5/${packageId}/f/${manifest.size}`;
        const contentType = contentTypeOf(file.path);
        await this.storage.write(key, body, contentType);
        manifest.set(file.path, { key, contentType, size: file.size });
      });
      await this.manifests.save(packageId, manifest);
      const { unit } = inspected;
      const row: Cmi5Package = {
        id: packageId,
        lessonId: target.lesson.lessonId,
        courseIri: unit.courseIri,
        auIri: unit.auIri,
        title: unit.title,
        launchPath: unit.launchPath,
        launchParameters: unit.launchParameters,
        launchMethod: unit.launchMethod,
        moveOn: unit.moveOn,
        masteryScore: unit.masteryScore === null ? null : unit.masteryScore.toFixed(4),
        fileCount: inspected.files.length,
        byteSize: String(inspected.totalBytes),
        uploadedBy,
        createdAt: this.clock.now(),
      };
      await this.packages.transaction(async (manager) => {
        await this.packages.insert(manager, row);
        await this.lessonPackages.attachLessonPackage(manager, row.lessonId, packageId);
      });
      return packageView(row);
    } catch (error) {
      await this.storage.deletePrefix(`cmi5/${packageId}`);
      throw error;
    }
  }

  /** The lesson's newest package, or null. */
  current(lessonId: string): Promise<Cmi5Package | null> {
    return this.packages.newestOf(lessonId);
  }

  /** The lesson's newest package, or 404 `CMI5_PACKAGE_NOT_FOUND`. */
  async currentOrFail(lessonId: string): Promise<Cmi5Package> {
    const found = await this.current(lessonId);
    if (!found)
      throw new Cmi5Error('CMI5_PACKAGE_NOT_FOUND', 'This lesson has no cmi5 package yet', {
        lessonId,
      });
    return found;
  }

  byId(packageId: string): Promise<Cmi5Package | null> {
    return this.packages.byId(packageId);
  }
}
