import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { newId } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { sourceKey } from '../storage/media-keys';
import { MediaStorage } from '../storage/media-storage';
import { LessonAccess, type LessonContext } from '../videos/lesson-access.service';
import { VideoLifecycle } from '../videos/video-lifecycle.service';
import { peekStream } from './peek-stream';
import { notVideoMessage, SNIFF_BYTES, sniffVideo } from './sniff-video';

/** A lesson an upload goes to, checked before a single byte is stored. */
export interface UploadTarget {
  context: LessonContext;
  uploadedBy: string;
}

/** What the api answers to an accepted upload. */
export interface AcceptedUpload {
  videoId: string;
  status: 'processing';
}

/** The stored source is kept under this content type; its real type is what ffprobe finds. */
const SOURCE_CONTENT_TYPE = 'application/octet-stream';

/**
 * Uploads of lesson videos, by multipart (one stream straight into storage) or tus (a finished
 * local file). Both refuse, before storing, a file whose first bytes say it is no video (415),
 * then record the video and ask for its transcode.
 */
@Injectable()
export class VideoUploads {
  constructor(
    private readonly access: LessonAccess,
    private readonly storage: MediaStorage,
    private readonly lifecycle: VideoLifecycle,
  ) {}

  /** 404/403/422 unless `principal` may upload a video to the lesson. */
  async target(principal: Principal, lessonId: string): Promise<UploadTarget> {
    return {
      context: await this.access.uploadTarget(principal, lessonId),
      uploadedBy: principal.userId,
    };
  }

  /**
   * Streams a file into storage and records it. The stream must fail (and is then refused
   * with 413) when it passes the size limit; nothing of a refused upload is kept.
   */
  async acceptStream(
    target: UploadTarget,
    file: Readable,
    originalName: string | null,
  ): Promise<AcceptedUpload> {
    const { head, body } = await peekStream(file, SNIFF_BYTES);
    assertVideo(head);
    const videoId = newId();
    const key = sourceKey(videoId);
    try {
      const byteSize = await this.storage.write(key, body, SOURCE_CONTENT_TYPE);
      await this.lifecycle.recordUpload({
        videoId,
        ...target,
        byteSize,
        originalName: displayName(originalName),
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    return { videoId, status: 'processing' };
  }

  /** Checks a finished local file (a tus upload), moves it into storage and records it. */
  async acceptFile(
    target: UploadTarget,
    localPath: string,
    originalName: string | null,
  ): Promise<AcceptedUpload> {
    const { head, byteSize } = await readHead(localPath);
    try {
      assertVideo(head);
    } catch (error) {
      await rm(localPath, { force: true });
      throw error;
    }
    const videoId = newId();
    const key = sourceKey(videoId);
    await this.storage.adoptFile(key, localPath, SOURCE_CONTENT_TYPE);
    try {
      await this.lifecycle.recordUpload({
        videoId,
        ...target,
        byteSize,
        originalName: displayName(originalName),
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    return { videoId, status: 'processing' };
  }
}

/** 415 `NOT_A_VIDEO` when the first bytes say the file is something else (or empty). */
function assertVideo(head: Buffer): void {
  const sniffed = sniffVideo(head);
  if (sniffed.verdict === 'not_video')
    throw new VideoError('NOT_A_VIDEO', notVideoMessage(sniffed.looksLike), {
      looksLike: sniffed.looksLike,
    });
}

/**
 * The uploader's file name as a label: its last path segment, without control characters,
 * NFC, at most 255 characters. It is shown to people and never used as a path.
 */
export function displayName(name: string | null): string | null {
  const base = (name ?? '').split(/[\\/]/).at(-1) ?? '';
  const clean = [...base]
    .filter((char) => char >= ' ' && char !== '\u007f')
    .join('')
    .normalize('NFC')
    .trim();
  return clean ? clean.slice(0, 255) : null;
}

async function readHead(path: string): Promise<{ head: Buffer; byteSize: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), byteSize: size };
  } finally {
    await handle.close();
  }
}
