import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@motcua/domain';
import { NotificationsRepository } from '@motcua/persistence';
import { Authenticated, CurrentActor } from '../auth/auth.decorators';
import { PageQuery } from '../common/page';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['due_soon', 'overdue'] }) kind!: string;
  @ApiProperty({ example: 'Quá hạn: Cơ quan thuế xác định nghĩa vụ tài chính' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

@ApiTags('tasks')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  @ApiOperation({ summary: 'My notifications: steps due soon or overdue, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<NotificationPageDto> {
    const { items, total } = await this.notifications.forRecipient(actor.userId, query.limit, query.offset);
    return {
      items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, taskId: n.taskId, createdAt: n.createdAt.toISOString(), deliveredAt: n.deliveredAt?.toISOString() ?? null })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
