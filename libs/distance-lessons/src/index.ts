/**
 * Distance lessons: lesson videos uploaded by course staff (multipart or tus, resumable),
 * stored on disk or S3-compatible storage, transcoded by the worker into an HLS ladder with a
 * poster, subtitled in WebVTT, and played through signed, expiring links by enrolled learners.
 *
 * Import {@link DistanceLessonsModule} for the services; the api adds
 * {@link DistanceLessonsHttpModule}, the worker {@link DistanceLessonsWorkerModule} (queue
 * `media-transcode`, job `media.transcode-video`). Depends on courses and enrollment, never the
 * other way: a video reaches its lesson through courses' `LessonVideos.attachLessonVideo`.
 */

/** Services for other domains (television replays, the storage of certificates' PDFs). */
export { DistanceLessonsModule } from './distance-lessons.module';
/** The routes (api only). */
export { DistanceLessonsHttpModule } from './distance-lessons.http.module';
/** The transcode job, the ffmpeg start-up check and the scratch-space sweeps (worker only). */
export { DistanceLessonsWorkerModule } from './distance-lessons.worker.module';

/** Why the domain refused something, and its codes. */
export { VideoError, type VideoErrorCode } from './distance-lessons-error';
/** The video row, for relations from other domains (`videos.id`). */
export { Video } from './videos/video.entity';
/** Video statuses, rendition summaries and subtitle languages. */
export {
  type RenditionSummary,
  SUBTITLE_LANGUAGES,
  type SubtitleLanguage,
  VIDEO_STATUSES,
  type VideoStatus,
} from './videos/video-status';

/** The storage adapter (disk or S3) and its two implementations. */
export { type ByteRange, MediaStorage, type OpenedObject } from './storage/media-storage';
export { DiskMediaStorage } from './storage/disk-media-storage';
export { S3MediaStorage, s3ClientFor } from './storage/s3-media-storage';

/** Uploading: checks, then a stream (multipart) or a finished file (tus) into storage. */
export {
  type AcceptedUpload,
  type UploadTarget,
  VideoUploads,
} from './upload/video-uploads.service';
/** What the first bytes of a file say (pure). */
export { type SniffResult, sniffVideo } from './upload/sniff-video';
/** The lesson↔video moves: upload supersedes, ready replaces, failed records a reason. */
export { VideoLifecycle } from './videos/video-lifecycle.service';
/** A video's state for its course's staff. */
export { VideoReads } from './videos/video-reads.service';
/** Read port for other domains: a video's lesson, status and duration. */
export { VideoDirectory, type VideoFacts } from './videos/video-directory.service';

/** Transcoding: one run of one video, and the ffprobe/ffmpeg adapter. */
export { TranscodeVideo, type TranscodeOutcome } from './transcode/transcode-video.service';
export { MediaTools, SourceProblemError } from './transcode/media-tools.service';
export { checkMediaTools } from './transcode/media-tools.check';
/** ffprobe's JSON read into what the planner needs (pure). */
export { type ProbeResult, readProbe, type VideoStreamInfo } from './transcode/probe';
/** The HLS ladder for a source: never upscales, even sizes, rotation-aware, ≤1080p (pure). */
export {
  type LadderDecision,
  type LadderPlan,
  planLadder,
  type Rendition,
} from './transcode/ladder';
/** The one ffmpeg command line that encodes a plan (pure). */
export { encodeArgs, type EncodeTarget } from './transcode/encode-args';

/** Signed playback links and the files behind them. */
export { type PlaybackGrant, PlaybackService } from './playback/playback.service';
export { PlaybackSigner } from './playback/playback-signer';
/** Subtitle tracks (WebVTT, vi/en). */
export { type SubtitleTrack, VideoSubtitles } from './subtitles/video-subtitles.service';
