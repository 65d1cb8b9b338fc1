import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PageOf, Principal, Public, Role, Roles, scopeOf, formatInstant } from '@verwerker/platform';
import { toChangeTrailResponse, toCheckpointResponse } from './audit.mappers';
import { AUDIT_STREAMS } from './chain/chain-hash';
import { ChangeTrailRepository } from './changes/change-trail.repository';
import { CheckpointService } from './checkpoints/checkpoint.service';
import {
  ChangeTrailEntryResponseDto,
  ChangeTrailQueryDto,
  CheckpointResponseDto,
  PublicKeyResponseDto,
  PurgeResultDto,
  StreamQueryDto,
  VerificationReportDto,
  VerifyQueryDto,
} from './dto/audit.dto';
import { RetentionPurgeService } from './retention/retention-purge.service';
import { SeqPage } from './seq-cursor';
import { AuditVerificationService } from './verification/audit-verification.service';

const ChangeTrailPageDto = PageOf(ChangeTrailEntryResponseDto);

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly changes: ChangeTrailRepository,
    private readonly checkpoints: CheckpointService,
    private readonly verification: AuditVerificationService,
    private readonly purge: RetentionPurgeService,
  ) {}

  @Get('changes')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'The change trail, newest first: who changed what, with which credential. A client reads the changes that concern it.' })
  @ApiOkResponse({ type: ChangeTrailPageDto })
  async changeTrail(@CurrentPrincipal() principal: Principal, @Query() query: ChangeTrailQueryDto): Promise<SeqPage<ChangeTrailEntryResponseDto>> {
    const filter = {
      clientId: query.clientId,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    const page = await this.changes.list(scopeOf(principal), filter, query.limit ?? 100, query.cursor);
    return { items: page.items.map(toChangeTrailResponse), nextCursor: page.nextCursor };
  }

  @Get('checkpoints')
  @Roles(Role.Admin, Role.Staff, Role.Dpo, Role.Client)
  @ApiOperation({ summary: 'Signed checkpoints, newest first (up to 100). Keep them: with the public key they prove later that the log was not rewritten.' })
  @ApiOkResponse({ type: [CheckpointResponseDto] })
  async listCheckpoints(@Query() query: StreamQueryDto): Promise<CheckpointResponseDto[]> {
    return (await this.checkpoints.list(query.stream, 100)).map(toCheckpointResponse);
  }

  @Post('checkpoints')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({ summary: 'Sign a checkpoint of each stream now (otherwise done on a timer).' })
  @ApiOkResponse({ type: [CheckpointResponseDto] })
  async checkpointNow(): Promise<CheckpointResponseDto[]> {
    const made = await Promise.all(AUDIT_STREAMS.map((stream) => this.checkpoints.checkpoint(stream)));
    return made.filter((checkpoint) => checkpoint !== null).map(toCheckpointResponse);
  }

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 public key that verifies checkpoint signatures.' })
  @ApiOkResponse({ type: PublicKeyResponseDto })
  publicKey(): PublicKeyResponseDto {
    return { algorithm: 'Ed25519', keyId: this.checkpoints.signingKey.keyId, publicKeyPem: this.checkpoints.signingKey.publicKeyPem };
  }

  @Get('verify')
  @Roles(Role.Admin, Role.Staff, Role.Dpo)
  @ApiOperation({ summary: 'Walk a range of a stream: every content hash, link and checkpoint signature. Reports the first entry that does not verify.' })
  @ApiOkResponse({ type: VerificationReportDto })
  verify(@Query() query: VerifyQueryDto): Promise<VerificationReportDto> {
    return this.verification.verify(query.stream, { fromSeq: query.fromSeq, toSeq: query.toSeq });
  }

  @Post('purge')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Run the retention purge now (otherwise on a timer): erase personal content past retention, keep the hashes.' })
  @ApiOkResponse({ type: PurgeResultDto })
  async purgeNow(): Promise<PurgeResultDto> {
    const result = await this.purge.purge();
    return { ...result, accessCutoff: formatInstant(result.accessCutoff), changeCutoff: formatInstant(result.changeCutoff) };
  }
}
