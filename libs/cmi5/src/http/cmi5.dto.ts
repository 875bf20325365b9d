import { ApiProperty } from '@nestjs/swagger';
import type { LaunchView } from '../launch/cmi5-launch.service';
import {
  LAUNCH_METHODS,
  type LaunchMethod,
  MOVE_ON,
  type MoveOn,
} from '../packages/course-structure';
import type { PackageView } from '../packages/cmi5-packages.service';

/** A lesson's cmi5 package, as `cmi5.xml` described its AU. */
export class Cmi5PackageDto {
  @ApiProperty()
  packageId!: string;

  @ApiProperty()
  lessonId!: string;

  @ApiProperty({ description: "The AU's title (its Vietnamese one when it has one)" })
  title!: string;

  @ApiProperty({ description: "The AU's id (an IRI)" })
  auId!: string;

  @ApiProperty({ enum: MOVE_ON, description: 'What completes the lesson' })
  moveOn!: MoveOn;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  masteryScore!: number | null;

  @ApiProperty({ enum: LAUNCH_METHODS })
  launchMethod!: LaunchMethod;

  @ApiProperty()
  fileCount!: number;

  @ApiProperty({ description: 'Uncompressed bytes' })
  byteSize!: number;

  @ApiProperty()
  uploadedAt!: Date;

  static from(view: PackageView): Cmi5PackageDto {
    return Object.assign(new Cmi5PackageDto(), view);
  }
}

/** A launch: open `url` in a frame (`AnyWindow`) or a window of its own (`OwnWindow`). */
export class Cmi5LaunchDto {
  @ApiProperty({ description: 'The AU with endpoint, fetch, actor, registration and activityId' })
  url!: string;

  @ApiProperty({ enum: LAUNCH_METHODS })
  launchMethod!: LaunchMethod;

  @ApiProperty()
  registration!: string;

  @ApiProperty()
  sessionId!: string;

  static from(view: LaunchView): Cmi5LaunchDto {
    return Object.assign(new Cmi5LaunchDto(), view);
  }
}
