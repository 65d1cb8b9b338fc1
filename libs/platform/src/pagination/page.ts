import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { instantParameter } from '../database/portable-types';
import { InvalidCursorError } from '../problems/domain-error';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageRequestOf(query: PageQueryDto): PageRequest {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}

/** OpenAPI schema for `Page<Item>`: Swagger cannot see generics, so each item type gets its own class. */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageDto {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page.' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}

interface CreationCursor {
  t: string;
  id: string;
}

function encodeCursor(cursor: CreationCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): CreationCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<CreationCursor>;
    if (typeof value.t === 'string' && typeof value.id === 'string' && !Number.isNaN(Date.parse(value.t))) {
      return { t: value.t, id: value.id };
    }
  } catch {
    // fall through to the problem below
  }
  throw new InvalidCursorError();
}

/**
 * Keyset pagination in creation order (createdAt, id): stable under concurrent inserts, and each page costs
 * an index range scan however deep the caller pages.
 */
export async function paginateByCreation<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  manager: EntityManager,
  query: SelectQueryBuilder<T>,
  page: PageRequest,
): Promise<Page<T>> {
  const alias = query.alias;
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    const after = instantParameter(manager, new Date(cursor.t));
    query.andWhere(`(${alias}.createdAt > :cursorT OR (${alias}.createdAt = :cursorT AND ${alias}.id > :cursorId))`, {
      cursorT: after,
      cursorId: cursor.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(page.limit + 1)
    .getMany();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
