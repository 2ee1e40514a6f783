import type { PasswordResetConfirmRequest, PasswordResetRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

export class PasswordResetRequestDto implements PasswordResetRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

/** The password rules of accepting an invitation. */
export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @IsString()
  @Length(20, 100)
  token!: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
}
