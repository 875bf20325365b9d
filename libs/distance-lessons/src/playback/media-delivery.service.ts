import type { Readable } from 'node:stream';
import { AppConfig, Clock, isId } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { contentTypeOf, hlsPrefix, subtitleKey } from '../storage/media-keys';
import { type ByteRange, MediaStorage } from '../storage/media-storage';
import { MASTER_PLAYLIST } from '../transcode/encode-args';
import type { Video } from '../videos/video.entity';
import { SUBTITLE_LANGUAGES, type SubtitleLanguage } from '../videos/video-status';
import { VideoSubtitlesRepository } from '../videos/video-subtitles.repository';
import { VideosRepository } from '../videos/videos.repository';
import { readRange } from './byte-range';
import { subtitlePlaylist, withSubtitles } from './hls-playlists';
import { PlaybackSigner } from './playback-signer';

/** A media file request: the token in its path, and the file below it. */
export interface MediaRequest {
  videoId: string;
  expires: string;
  signature: string;
  /** `master.m3u8`, `poster.jpg`, `240p/index.m3u8`, `240p/seg_00001.ts`, `subs/vi.vtt`… */
  path: string;
  range?: string;
}

/** What to send back. */
export type MediaAnswer =
  | { kind: 'text'; body: string; contentType: string; cacheControl: string }
  | {
      kind: 'bytes';
      body: Readable;
      size: number;
      range?: ByteRange;
      contentType: string;
      cacheControl: string;
    }
  | { kind: 'unsatisfiable'; size: number };

/** Playlists change when subtitles are added; everything else never changes. */
const PLAYLIST_CACHE = 'public, max-age=30';
const FILE_PATH = /^(?:[a-z0-9]{1,16}\/)?[a-z0-9_]{1,40}\.(?:m3u8|ts|m4s|mp4|jpg|vtt)$/;
const SUBTITLE_PATH = /^subs\/(vi|en)\.(m3u8|vtt)$/;

/**
 * Serves a ready video's files to whoever holds a valid, unexpired media token: no header
 * needed, so players follow the relative URIs of the playlists. The master playlist is built on
 * the fly to list the video's subtitle tracks.
 */
@Injectable()
export class MediaDelivery {
  private readonly signer: PlaybackSigner;

  constructor(
    private readonly videos: VideosRepository,
    private readonly subtitles: VideoSubtitlesRepository,
    config: AppConfig,
    private readonly clock: Clock,
    private readonly storage: MediaStorage,
  ) {
    this.signer = new PlaybackSigner(config.auth.jwtSecret);
  }

  async open(request: MediaRequest): Promise<MediaAnswer> {
    const nowMs = this.clock.now().getTime();
    const check = isId(request.videoId)
      ? this.signer.check(request.videoId, request.expires, request.signature, nowMs)
      : 'invalid';
    if (check === 'expired')
      throw new VideoError(
        'PLAYBACK_LINK_EXPIRED',
        'This playback link has expired; ask for a new one',
      );
    if (check === 'invalid')
      throw new VideoError('PLAYBACK_LINK_INVALID', 'This playback link is not valid');
    if (!FILE_PATH.test(request.path)) throw notFound();
    const video = await this.videos.findReady(request.videoId);
    if (!video) throw notFound();
    const fileCache = `public, max-age=${Math.max(0, Number(request.expires) - Math.floor(nowMs / 1000))}, immutable`;
    if (request.path === MASTER_PLAYLIST) return this.master(video.id);
    const subtitle = SUBTITLE_PATH.exec(request.path);
    if (subtitle) {
      const language = subtitle[1] as SubtitleLanguage;
      if (subtitle[2] === 'm3u8') return this.subtitlePlaylist(video, language);
      return this.file(subtitleKey(video.id, language), request, fileCache);
    }
    const cache = request.path.endsWith('.m3u8') ? PLAYLIST_CACHE : fileCache;
    return this.file(`${hlsPrefix(video.id)}/${request.path}`, request, cache);
  }

  private async master(videoId: string): Promise<MediaAnswer> {
    const stored = await this.storage.read(`${hlsPrefix(videoId)}/${MASTER_PLAYLIST}`);
    if (!stored) throw notFound();
    const text = await readText(stored.body);
    const languages = await this.languagesOf(videoId);
    return {
      kind: 'text',
      body: withSubtitles(text, languages),
      contentType: contentTypeOf(MASTER_PLAYLIST),
      cacheControl: PLAYLIST_CACHE,
    };
  }

  private async subtitlePlaylist(video: Video, language: SubtitleLanguage): Promise<MediaAnswer> {
    if (!(await this.languagesOf(video.id)).includes(language)) throw notFound();
    return {
      kind: 'text',
      body: subtitlePlaylist(language, video.durationSeconds ?? 1),
      contentType: contentTypeOf('.m3u8'),
      cacheControl: PLAYLIST_CACHE,
    };
  }

  private async file(
    key: string,
    request: MediaRequest,
    cacheControl: string,
  ): Promise<MediaAnswer> {
    const size = await this.storage.size(key);
    if (size === null) throw notFound();
    const wanted = readRange(request.range, size);
    if (wanted.kind === 'unsatisfiable') return { kind: 'unsatisfiable', size };
    const range = wanted.kind === 'partial' ? wanted.range : undefined;
    const opened = await this.storage.read(key, range);
    if (!opened) throw notFound();
    return {
      kind: 'bytes',
      body: opened.body,
      size: opened.size,
      range: opened.range,
      contentType: contentTypeOf(key),
      cacheControl,
    };
  }

  private async languagesOf(videoId: string): Promise<SubtitleLanguage[]> {
    const languages = await this.subtitles.languagesOf(videoId);
    return languages.filter((language) => SUBTITLE_LANGUAGES.includes(language));
  }
}

const notFound = (): VideoError =>
  new VideoError('VIDEO_NOT_FOUND', 'There is no such file for this video');

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
