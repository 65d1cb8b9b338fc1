import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'kvkNumber' })
  field: string;

  @ApiProperty({ type: [String], example: ['kvkNumber must be exactly 8 digits'] })
  messages: string[];
}

/** RFC 9457 problem details, with `code` and `errors` as extension members. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://verwerker.dev/problems/validation_failed' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'The request has invalid fields.' })
  detail?: string;

  @ApiPropertyOptional({ example: '/clients' })
  instance?: string;

  @ApiProperty({ example: 'validation_failed' })
  code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Set on unexpected errors: quote it when reporting the problem.' })
  errorId?: string;
}

export function problemTypeUri(code: string): string {
  return `https://verwerker.dev/problems/${code}`;
}
