export { Workshop } from './workshop.entity';
export { WorkshopConsensus } from './workshop-consensus.entity';
export { WorkshopParticipant } from './workshop-participant.entity';
export { WorkshopProposal } from './workshop-proposal.entity';
export { WorkshopVote } from './workshop-vote.entity';
