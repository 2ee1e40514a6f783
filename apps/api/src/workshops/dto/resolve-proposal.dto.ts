import type { ResolveProposalCommand } from '@helhet/shared';
import { IsBoolean, IsUUID } from 'class-validator';

/** `proposal:resolve` (facilitator). */
export class ResolveProposalDto implements ResolveProposalCommand {
  @IsUUID()
  proposalId!: string;

  @IsBoolean({ message: 'accept must be true or false' })
  accept!: boolean;
}
