import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Video } from './video.entity';

/** Queries on videos. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class VideosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A lesson's videos move in READ COMMITTED transactions that lock the rows they change. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  findById(id: string): Promise<Video | null> {
    return this.dataSource.getRepository(Video).findOneBy({ id });
  }

  /** The video's lesson, status and duration only. */
  findFacts(
    id: string,
  ): Promise<Pick<Video, 'id' | 'lessonId' | 'status' | 'durationSeconds'> | null> {
    return this.dataSource.getRepository(Video).findOne({
      where: { id },
      select: { id: true, lessonId: true, status: true, durationSeconds: true },
    });
  }

  /** The video if it is ready to play. */
  findReady(id: string): Promise<Video | null> {
    return this.dataSource.getRepository(Video).findOneBy({ id, status: 'ready' });
  }

  exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(Video).existsBy({ id });
  }

  /** Whether the video is the lesson's and ready to play. */
  isReadyOf(id: string, lessonId: string): Promise<boolean> {
    return this.dataSource.getRepository(Video).existsBy({ id, lessonId, status: 'ready' });
  }

  /** Gives a processing video to one run (its token); false when it is not processing. */
  async claim(id: string, runToken: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Video)
      .set({ runToken, progressPercent: 0 })
      .where({ id, status: 'processing' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Progress of the run that owns the video (a superseded run writes nothing). */
  async setProgress(id: string, runToken: string, percent: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Video)
      .set({ progressPercent: percent })
      .where({ id, runToken, status: 'processing' })
      .execute();
  }

  /** The processing video a run owns, locked (`FOR UPDATE`); null when it is not theirs. */
  lockOwned(manager: EntityManager, id: string, runToken: string): Promise<Video | null> {
    return manager.findOne(Video, {
      where: { id, runToken, status: 'processing' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Ids of the lesson's videos in `statuses` (but `except`), locked for this transaction. */
  async lockIdsOfLesson(
    manager: EntityManager,
    lessonId: string,
    statuses: Video['status'][],
    except?: string,
  ): Promise<string[]> {
    const rows = await manager.find(Video, {
      select: { id: true },
      where: { lessonId, status: In(statuses), ...(except ? { id: Not(except) } : {}) },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => row.id);
  }

  hasReady(manager: EntityManager, lessonId: string): Promise<boolean> {
    return manager.existsBy(Video, { lessonId, status: 'ready' });
  }

  async insert(manager: EntityManager, video: QueryDeepPartialEntity<Video>): Promise<void> {
    await manager.insert(Video, video);
  }

  async update(
    manager: EntityManager,
    id: string,
    change: QueryDeepPartialEntity<Video>,
  ): Promise<void> {
    await manager.update(Video, id, change);
  }

  async deleteMany(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.delete(Video, { id: In([...ids]) });
  }
}
