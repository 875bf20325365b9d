import { CoursesModule } from '@lifelong/courses';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaDelivery } from './playback/media-delivery.service';
import { PlaybackService } from './playback/playback.service';
import { mediaStorageProvider } from './storage/media-storage.provider';
import { MediaStorage } from './storage/media-storage';
import { VideoSubtitles } from './subtitles/video-subtitles.service';
import { MediaTools } from './transcode/media-tools.service';
import { TranscodeVideo } from './transcode/transcode-video.service';
import { VideoUploads } from './upload/video-uploads.service';
import { LessonAccess } from './videos/lesson-access.service';
import { VideoDirectory } from './videos/video-directory.service';
import { VideoLifecycle } from './videos/video-lifecycle.service';
import { VideoReads } from './videos/video-reads.service';
import { VideoSubtitlesRepository } from './videos/video-subtitles.repository';
import { VideoSubtitle } from './videos/video-subtitle.entity';
import { Video } from './videos/video.entity';
import { VideosRepository } from './videos/videos.repository';

/** What this lib's controllers, tus server and transcode job use. */
const SERVICES = [
  MediaDelivery,
  PlaybackService,
  TranscodeVideo,
  VideoReads,
  VideoSubtitles,
  VideoUploads,
];

/** Read port: what other domains may know of a video (television replays). */
const READ_PORTS = [VideoDirectory];

/** Who may watch or upload, the ffmpeg adapter, the lesson↔video moves and the queries: inside the lib. */
const INTERNAL = [
  LessonAccess,
  MediaTools,
  VideoLifecycle,
  VideoSubtitlesRepository,
  VideosRepository,
];

/**
 * Distance lessons: videos of lessons, their storage (MEDIA_STORAGE), uploads, transcoding,
 * subtitles and signed playback. Needs courses (lessons, staff), enrollment (who may watch),
 * organizations' global scope binding, Clock, AppConfig and the database.
 */
@Module({
  imports: [
    IdentityModule,
    CoursesModule,
    EnrollmentModule,
    TypeOrmModule.forFeature([Video, VideoSubtitle]),
  ],
  providers: [mediaStorageProvider, ...SERVICES, ...READ_PORTS, ...INTERNAL],
  // Certificates keep their PDFs in the same storage.
  exports: [MediaStorage, ...SERVICES, ...READ_PORTS],
})
export class DistanceLessonsModule {}
