import { Global, Module } from '@nestjs/common';

import { DeadlineHandlers } from './deadline-handlers';
import { DeadlineScheduler } from './deadline-scheduler';

/** Deadlines and escalation along the management line, for any subject type (avvik now; measures, control tasks later). */
@Global()
@Module({ exports: [DeadlineHandlers, DeadlineScheduler], providers: [DeadlineHandlers, DeadlineScheduler] })
export class EscalationsModule {}
