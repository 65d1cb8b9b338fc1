import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, mapPage, Page, PageOf, pageRequestOf, Principal, ProblemDetailsDto, Role, Roles, scopeOf } from '@verwerker/platform';
import {
  ListDeliveriesQueryDto,
  ListNoticesQueryDto,
  NoticeDeliveryResponseDto,
  NoticeResponseDto,
  NoticeSummaryDto,
  WebhookPingResponseDto,
} from './dto/notice.dto';
import { toNoticeDeliveryResponse, toNoticeResponse, toNoticeSummary } from './notice.mapper';
import { NoticesService } from './notices.service';

const DeliveryPageDto = PageOf(NoticeDeliveryResponseDto);
const NoticePageDto = PageOf(NoticeSummaryDto);

@ApiTags('notices')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field.', type: ProblemDetailsDto })
@Controller('notice-deliveries')
export class NoticeDeliveriesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Every delivery of every notice (one per recipient and channel), filtered, in creation order.' })
  @ApiOkResponse({ type: DeliveryPageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDeliveriesQueryDto): Promise<Page<NoticeDeliveryResponseDto>> {
    const { state, channel, clientId, noticeType, noticeId } = query;
    return mapPage(await this.notices.listDeliveries(scopeOf(principal), { state, channel, clientId, noticeType, noticeId }, pageRequestOf(query)), toNoticeDeliveryResponse);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'One delivery with its attempts, last error and the receiver’s answer.' })
  @ApiOkResponse({ type: NoticeDeliveryResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeDeliveryResponseDto> {
    return toNoticeDeliveryResponse(await this.notices.getDelivery(scopeOf(principal), id));
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Queue a dead delivery again with fresh attempts (same message id).' })
  @ApiOkResponse({ type: NoticeDeliveryResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'The delivery is not dead.' })
  async resend(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeDeliveryResponseDto> {
    return toNoticeDeliveryResponse(await this.notices.resend(scopeOf(principal), id));
  }
}

@ApiTags('notices')
@ApiBadRequestResponse({ description: 'Invalid input, one entry per field.', type: ProblemDetailsDto })
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Notices in decision order, with where and when each went. A client sees its own: its inbox.' })
  @ApiOkResponse({ type: NoticePageDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListNoticesQueryDto): Promise<Page<NoticeSummaryDto>> {
    return mapPage(await this.notices.listNotices(scopeOf(principal), { type: query.type, clientId: query.clientId }, pageRequestOf(query)), toNoticeSummary);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'One notice as sent: subject, text and HTML body, deliveries and attachments.' })
  @ApiOkResponse({ type: NoticeResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NoticeResponseDto> {
    return toNoticeResponse(await this.notices.getNotice(scopeOf(principal), id));
  }

  @Get(':id/attachments/:attachmentId')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Download an attachment of a notice (e.g. the PDF).' })
  @ApiProduces('application/pdf', 'application/octet-stream')
  @ApiOkResponse({ description: 'The attachment’s bytes, with its content type.' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async attachment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    const attachment = await this.notices.getAttachment(scopeOf(principal), id, attachmentId);
    return new StreamableFile(Buffer.from(attachment.contentBase64, 'base64'), {
      type: attachment.contentType,
      disposition: `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
      length: attachment.size,
    });
  }
}

@ApiTags('notices')
@Controller('clients')
export class WebhookTestController {
  constructor(private readonly notices: NoticesService) {}

  @Post(':id/webhook-test')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff, Role.Client)
  @ApiOperation({ summary: 'Send a signed test event (`webhook.test`) to the client’s webhook now, and show what it answered.' })
  @ApiOkResponse({ type: WebhookPingResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'The client has no webhook.' })
  async ping(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookPingResponseDto> {
    return this.notices.pingWebhook(scopeOf(principal), id);
  }
}
