import { Module } from '@nestjs/common';
import { DistanceLessonsModule } from './distance-lessons.module';
import { LessonVideosController } from './http/lesson-videos.controller';
import { MediaFilesController } from './http/media-files.controller';
import { TusUploadsController } from './http/tus-uploads.controller';
import { VideosController } from './http/videos.controller';
import { TusUploads } from './upload/tus-uploads.service';

/** Upload (multipart and tus), video state, subtitles, playback links and media files (api only). */
@Module({
  imports: [DistanceLessonsModule],
  controllers: [
    LessonVideosController,
    VideosController,
    TusUploadsController,
    MediaFilesController,
  ],
  providers: [TusUploads],
})
export class DistanceLessonsHttpModule {}
