import { formatInstant, formatOptionalInstant } from '@verwerker/platform';
import { ARTICLE_28_ITEMS, assessCompleteness } from '../rules/article-28-completeness';
import { isInForceAt } from '../rules/agreement-lifecycle';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';
import { AgreementResponseDto, AgreementVersionResponseDto, CompletenessResponseDto } from './dto/agreement-responses.dto';
import { AgreementTermsDto } from './dto/agreement-terms.dto';

export function toCompletenessResponse(version: AgreementVersion): CompletenessResponseDto {
  const report = assessCompleteness(version.terms);
  const language = version.terms.language ?? 'en';
  return {
    complete: report.complete,
    missing: report.missing,
    findings: report.findings.map((finding) => ({
      ...finding,
      label: ARTICLE_28_ITEMS.find((definition) => definition.item === finding.item)!.label[language],
    })),
  };
}

export function toVersionResponse(version: AgreementVersion): AgreementVersionResponseDto {
  return {
    agreementId: version.agreementId,
    clientId: version.clientId,
    number: version.number,
    status: version.status,
    terms: version.terms as AgreementTermsDto,
    parties: version.parties as unknown as Record<string, unknown>,
    subprocessors: version.subprocessors,
    completeness: toCompletenessResponse(version),
    contentSha256: version.contentSha256,
    documentSha256: version.documentSha256,
    createdAt: formatInstant(version.createdAt),
    createdBy: version.createdBy,
    updatedAt: formatInstant(version.updatedAt),
    sentAt: formatOptionalInstant(version.sentAt),
    sentBy: version.sentBy,
    forcedIncomplete: version.forcedIncomplete,
    forceReason: version.forceReason,
    withdrawnAt: formatOptionalInstant(version.withdrawnAt),
    acceptance: version.acceptedAt
      ? {
          acceptedAt: formatInstant(version.acceptedAt),
          name: version.acceptedByName ?? '',
          function: version.acceptedByFunction,
          credential: version.acceptedCredentialLabel ?? '',
          ip: version.acceptedIp,
          userAgent: version.acceptedUserAgent,
          documentSha256: version.acceptedDocumentSha256 ?? '',
        }
      : null,
    supersededAt: formatOptionalInstant(version.supersededAt),
    supersededByNumber: version.supersededByNumber,
    termination: version.terminatedAt
      ? {
          terminatedAt: formatInstant(version.terminatedAt),
          reason: version.terminationReason ?? '',
          endOfService: version.endOfService ?? '',
          dueOn: version.endOfServiceDueOn ?? '',
          completedAt: formatOptionalInstant(version.endOfServiceCompletedAt),
          completionNote: version.endOfServiceNote,
        }
      : null,
  };
}

export function toAgreementResponse(agreement: Agreement, versions: AgreementVersion[], now: Date): AgreementResponseDto {
  const own = versions.filter((version) => version.agreementId === agreement.id).sort((a, b) => a.number - b.number);
  return {
    id: agreement.id,
    clientId: agreement.clientId,
    title: agreement.title,
    inForceVersion: own.find((version) => isInForceAt(version, now))?.number ?? null,
    latestVersion: own.length ? own[own.length - 1].number : 0,
    versions: own.map((version) => ({
      number: version.number,
      status: version.status,
      complete: assessCompleteness(version.terms).complete,
      sentAt: formatOptionalInstant(version.sentAt),
      acceptedAt: formatOptionalInstant(version.acceptedAt),
      documentSha256: version.documentSha256,
    })),
    createdAt: formatInstant(agreement.createdAt),
    updatedAt: formatInstant(agreement.updatedAt),
  };
}
