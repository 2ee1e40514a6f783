import { Module } from '@nestjs/common';

import { AttachmentStore } from '../attachments/attachment-store';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { MeasuresModule } from '../measures/measures.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { IncidentCategoriesController } from './incident-categories.controller';
import { IncidentCategoriesService } from './incident-categories.service';
import { IncidentFilingService } from './incident-filing.service';
import { IncidentWorkflowService } from './incident-workflow.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsQuery } from './incidents.query';
import { IncidentFiledProducer } from './jobs/incident-filed.producer';
import { ReporterIdentityModule } from './reporter-identity/reporter-identity.module';

/** Avvik over HTTP. The worker side (filing follow-up, escalation) is IncidentsWorkerModule. */
@Module({
  controllers: [IncidentCategoriesController, IncidentsController],
  imports: [AuditLogModule, MeasuresModule, NotificationsModule, OrganisationModule, ReporterIdentityModule],
  providers: [
    AttachmentStore,
    IncidentCategoriesService,
    IncidentFiledProducer,
    IncidentFilingService,
    IncidentsQuery,
    IncidentWorkflowService,
    TenantSettingsService,
  ],
})
export class IncidentsModule {}
