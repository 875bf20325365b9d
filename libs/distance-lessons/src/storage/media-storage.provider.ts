import type { Provider } from '@nestjs/common';
import { AppConfig } from '@lifelong/common';
import { DiskMediaStorage } from './disk-media-storage';
import { MediaStorage } from './media-storage';
import { S3MediaStorage, s3ClientFor } from './s3-media-storage';

/** MEDIA_STORAGE picks the adapter: local disk under MEDIA_DIR, or an S3-compatible bucket. */
export const mediaStorageProvider: Provider = {
  provide: MediaStorage,
  inject: [AppConfig],
  useFactory: (config: AppConfig): MediaStorage => {
    const { storage, dir, s3 } = config.media;
    if (storage === 's3' && s3) return new S3MediaStorage(s3ClientFor(s3), s3.bucket);
    return new DiskMediaStorage(dir);
  },
};
