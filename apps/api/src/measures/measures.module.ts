import { Module } from '@nestjs/common';

import { MeasureDeadlines } from './measure-deadlines.service';

/**
 * Measures (tiltak) shared by the features that create them (avvik, ROS scenarios): their deadline jobs.
 * The worker side (reminders and escalation) is MeasuresWorkerModule.
 */
@Module({ exports: [MeasureDeadlines], providers: [MeasureDeadlines] })
export class MeasuresModule {}
