import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageQuery } from '@helhet/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Pages past this are refused (400), so `(page - 1) * pageSize` stays far inside a Postgres bigint. */
export const MAX_PAGE = 100_000;

export class PageQueryDto implements PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number = DEFAULT_PAGE_SIZE;
}

export const pageWindow = (query: PageQuery): { page: number; pageSize: number; skip: number } => {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
};
