import type { SsoMatchBy, SsoProvider, SsoSettingsRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const domains = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim().toLowerCase().replace(/^@/, '') : item)) : value;

/** https, or http on a loopback host (a provider on the developer's machine or in tests). */
const ISSUER = /^(https:\/\/[^\s/?#]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/[^\s?#]*)?$/;

export class SsoSettingsDto implements SsoSettingsRequest {
  @IsBoolean()
  enabled!: boolean;

  @IsIn(['microsoft', 'generic'])
  provider!: SsoProvider;

  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @Matches(ISSUER, { message: 'issuerUrl must be an https URL (the issuer, without /.well-known)' })
  issuerUrl!: string;

  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'clientId must not be empty' })
  @MaxLength(200)
  clientId!: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'clientSecret must not be empty (omit it to keep the stored secret)' })
  @MaxLength(1000)
  clientSecret?: string;

  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @Matches(/(^|\s)openid(\s|$)/, { message: 'scopes must include openid' })
  @Matches(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, { message: 'scopes must be space-separated scope names' })
  scopes!: string;

  @IsIn(['email', 'employee_number'])
  matchBy!: SsoMatchBy;

  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'matchClaim must be a claim name such as email or employeeid' })
  matchClaim!: string;

  @Transform(domains)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    each: true,
    message: 'emailDomains must be domain names such as kommune.no',
  })
  emailDomains!: string[];

  @IsBoolean()
  localPasswordsDisabled!: boolean;
}
