import { Module } from '@nestjs/common';

import { GrantsService } from '../auth/grants.service';
import { RiskQuery } from '../risk/risk.query';
import { RiskReportProcessor } from './risk-report.processor';

/** The worker side of PDF reports: reads the analysis with the requester's rights and builds the PDF. */
@Module({ providers: [GrantsService, RiskQuery, RiskReportProcessor] })
export class RiskReportsWorkerModule {}
