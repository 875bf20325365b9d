import type { Readable } from 'node:stream';
import { MediaStorage } from '@lifelong/distance-lessons';
import { Injectable } from '@nestjs/common';
import { Cmi5Launches } from '../launch/cmi5-launch.service';
import { PackageManifests } from './package-manifests.service';
import { isSafeEntryName } from './zip-package';

/** A package file to send, or why not. */
export type ContentAnswer =
  | { kind: 'file'; body: Readable; contentType: string; size: number }
  | { kind: 'gone' }
  | { kind: 'missing' };

/**
 * The files of a package behind a signed link: only names the package's manifest lists (no
 * path reaches the storage from the request), only while the signature holds.
 */
@Injectable()
export class ContentFiles {
  constructor(
    private readonly launches: Cmi5Launches,
    private readonly manifests: PackageManifests,
    private readonly storage: MediaStorage,
  ) {}

  async open(
    packageId: string,
    expires: string,
    signature: string,
    path: string,
  ): Promise<ContentAnswer> {
    if (!this.launches.signedContent(packageId, expires, signature)) return { kind: 'gone' };
    if (!isSafeEntryName(path) || path.endsWith('/')) return { kind: 'missing' };
    const file = (await this.manifests.of(packageId))?.get(path);
    const opened = file && (await this.storage.read(file.key));
    if (!file || !opened) return { kind: 'missing' };
    return { kind: 'file', body: opened.body, contentType: file.contentType, size: opened.size };
  }
}
