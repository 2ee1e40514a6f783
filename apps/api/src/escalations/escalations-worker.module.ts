import { Module } from '@nestjs/common';

import { DeadlineProcessor } from './deadline.processor';
import { EscalationsModule } from './escalations.module';

/**
 * The worker side of deadlines: the one processor of the escalations queue, which hands each due deadline to the
 * handler its subject type registered (avvik, measures, later control tasks). Every worker module whose subjects
 * have deadlines imports this module, so deadlines run whichever of them is loaded.
 */
@Module({ imports: [EscalationsModule], providers: [DeadlineProcessor] })
export class EscalationsWorkerModule {}
