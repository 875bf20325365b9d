import { Readable } from 'node:stream';
import { MediaStorage } from '@lifelong/distance-lessons';
import { Injectable } from '@nestjs/common';

/** Where each file of a package is stored: storage keys are ours, never the zip's names. */
export interface StoredFile {
  key: string;
  contentType: string;
  size: number;
}
/** A Map, not an object: a file may be named `__proto__`. */
export type PackageManifest = Map<string, StoredFile>;

/** Manifests remembered per process: a package's files never change once it is stored. */
const CACHED = 200;

/**
 * The manifest of a package (its file names → storage keys), stored beside its files as
 * `cmi5/<id>/manifest.json` and read once per process.
 */
@Injectable()
export class PackageManifests {
  private readonly cache = new Map<string, PackageManifest>();

  constructor(private readonly storage: MediaStorage) {}

  async save(packageId: string, manifest: PackageManifest): Promise<void> {
    const body = Readable.from([Buffer.from(JSON.stringify([...manifest]), 'utf8')]);
    await this.storage.write(`cmi5/${packageId}/manifest.json`, body, 'application/json');
  }

  async of(packageId: string): Promise<PackageManifest | null> {
    const known = this.cache.get(packageId);
    if (known) return known;
    const opened = await this.storage.read(`cmi5/${packageId}/manifest.json`);
    if (!opened) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of opened.body) chunks.push(chunk as Buffer);
    const manifest: PackageManifest = new Map(
      JSON.parse(Buffer.concat(chunks).toString('utf8')) as [string, StoredFile][],
    );
    this.cache.set(packageId, manifest);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return manifest;
  }
}
