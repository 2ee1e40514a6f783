import type { ReceiptLookupRequest } from '@helhet/shared';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReceiptLookupDto implements ReceiptLookupRequest {
  @IsString()
  @IsNotEmpty({ message: 'code must not be empty' })
  @MaxLength(40)
  code!: string;
}
