import type { Readable } from 'node:stream';
import { AppConfig, Clock, isId, newId } from '@lifelong/common';
import { MediaStorage, PlaybackSigner } from '@lifelong/distance-lessons';
import { Injectable } from '@nestjs/common';
import { MonitoringError } from '../monitoring-error';
import { type EvidenceRow, InspectionsRepository } from './inspections.repository';

/** An evidence file may be this large. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Scans and photos, as inspectors and facilities have them. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** An uploaded file, as the route hands it over. */
export interface EvidenceUpload {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** An evidence file as readers see it: a signed, expiring link instead of its key. */
export interface EvidenceFile {
  id: string;
  criterion: number | null;
  actionId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
  url: string;
  expiresAt: Date;
}

/** Where an evidence file lives in the media storage (never a name the user gave). */
const keyOf = (inspectionId: string, evidenceId: string, extension: string): string =>
  `inspections/${inspectionId.toLowerCase()}/${evidenceId.toLowerCase()}.${extension}`;

/** A file name fit to show and to offer for download: no folders, no control characters. */
export function displayName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 200);
  return base || `evidence.${extension}`;
}

/**
 * Evidence files of inspections (per criterion) and of follow-up actions (their closing), kept
 * in the media storage like lesson videos and certificate PDFs. They are read through links
 * signed like playback links (with a key of their own purpose), valid for the playback TTL, so
 * the browser opens them with no header; who may have a link is decided by whoever hands it out.
 */
@Injectable()
export class InspectionEvidence {
  private readonly signer: PlaybackSigner;

  constructor(
    private readonly repository: InspectionsRepository,
    private readonly storage: MediaStorage,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new PlaybackSigner(config.auth.jwtSecret, 'inspection-evidence-url/v1');
  }

  /** Stores the file and its row; 415 for a type other than PDF or an image. */
  async store(
    owner: { inspectionId: string; criterion: number | null; actionId: string | null },
    upload: EvidenceUpload,
    uploadedBy: string,
  ): Promise<EvidenceFile> {
    const contentType = upload.contentType.toLowerCase();
    const extension = EVIDENCE_TYPES[contentType];
    if (!extension) {
      upload.body.resume();
      throw new MonitoringError(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        'Evidence must be a PDF or an image (JPEG, PNG, WebP)',
        { contentType },
      );
    }
    const id = newId();
    const storageKey = keyOf(owner.inspectionId, id, extension);
    const size = await this.storage.write(storageKey, upload.body, contentType);
    const row = {
      id,
      ...owner,
      storageKey,
      fileName: displayName(upload.fileName, extension),
      contentType,
      size,
    };
    await this.repository.insertEvidence({ ...row, uploadedBy }, this.clock.now());
    return this.signed({ ...row, uploadedAt: this.clock.now() });
  }

  /** The file with a fresh signed link. */
  signed(row: EvidenceRow): EvidenceFile {
    const expires =
      Math.floor(this.clock.now().getTime() / 1000) + this.config.media.playbackTtlSeconds;
    const signature = this.signer.sign(row.id, expires);
    return {
      id: row.id,
      criterion: row.criterion,
      actionId: row.actionId,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      uploadedAt: row.uploadedAt,
      url: `${this.config.http.publicUrl}/api/v1/monitoring/evidence/${row.id}/${expires}/${signature}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  /** The file behind a signed link: 403 for a bad or expired link, 404 when it is gone. */
  async open(
    id: string,
    expires: string,
    signature: string,
  ): Promise<{ body: Readable; size: number; fileName: string; contentType: string }> {
    const check = isId(id)
      ? this.signer.check(id, expires, signature, this.clock.now().getTime())
      : 'invalid';
    if (check === 'expired')
      throw new MonitoringError(
        'EVIDENCE_LINK_EXPIRED',
        'This link has expired; open the inspection again',
      );
    if (check === 'invalid')
      throw new MonitoringError('EVIDENCE_LINK_INVALID', 'This link is not valid');
    const row = await this.repository.findEvidence(id);
    const stored = row ? await this.storage.read(row.storageKey) : null;
    if (!row || !stored)
      throw new MonitoringError('EVIDENCE_NOT_FOUND', 'No such evidence file', { id });
    return {
      body: stored.body,
      size: stored.size,
      fileName: row.fileName,
      contentType: row.contentType,
    };
  }
}
