import type { AcceptInvitationRequest } from '@helhet/shared';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @IsString()
  @Length(20, 100)
  token!: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
}
