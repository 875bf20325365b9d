import { Module } from '@nestjs/common';
import { QueueBoardSessionController } from './queue-board-session.controller';

/** The admin-only route that opens Bull Board in a browser (the board itself: queue-board.ts). */
@Module({ controllers: [QueueBoardSessionController] })
export class QueueBoardModule {}
