import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AttachmentsModule } from '../attachments/attachments.module';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { MeasuresModule } from '../measures/measures.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgDirectoryModule } from '../organisation/org-directory.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { CategoryRestrictionChange } from './entities/category-restriction-change.entity';
import { ExternalNotification } from './entities/external-notification.entity';
import { Incident } from './entities/incident.entity';
import { IncidentCategory } from './entities/incident-category.entity';
import { IncidentEvent } from './entities/incident-event.entity';
import { IncidentFilingRequest } from './entities/incident-filing-request.entity';
import { IncidentNumberCounter } from './entities/incident-number-counter.entity';
import { InjuryRecord } from './entities/injury-record.entity';
import { PersonalDataBreach } from './entities/personal-data-breach.entity';
import { IncidentAttachmentsService } from './incident-attachments.service';
import { CategoryRestrictionChangesController, IncidentCategoriesController } from './incident-categories.controller';
import { CategoryRestrictionChanges } from './incident-categories.restrictions';
import { IncidentCategoriesService } from './incident-categories.service';
import { IncidentChangeService } from './incident-change.service';
import { IncidentFilingService } from './incident-filing.service';
import { IncidentMeasuresService } from './incident-measures.service';
import { IncidentRecordsService } from './incident-records.service';
import { IncidentStatsQuery } from './incident-stats.query';
import { IncidentSubRecordsService } from './incident-sub-records.service';
import { IncidentTransitionsService } from './incident-transitions.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsQuery } from './incidents.query';
import { IncidentFiledProducer } from './jobs/incident-filed.producer';
import { ReporterIdentityModule } from './reporter-identity/reporter-identity.module';

/** Avvik over HTTP. The worker side (filing follow-up, escalation) is IncidentsWorkerModule. */
@Module({
  controllers: [CategoryRestrictionChangesController, IncidentCategoriesController, IncidentsController],
  imports: [
    AttachmentsModule,
    TypeOrmModule.forFeature([
      CategoryRestrictionChange,
      ExternalNotification,
      Incident,
      IncidentCategory,
      IncidentEvent,
      IncidentFilingRequest,
      IncidentNumberCounter,
      InjuryRecord,
      PersonalDataBreach,
    ]),
    AuditLogModule,
    MeasuresModule,
    NotificationsModule,
    OrganisationModule,
    OrgDirectoryModule,
    ReporterIdentityModule,
    UserDirectoryModule,
  ],
  providers: [
    CategoryRestrictionChanges,
    IncidentAttachmentsService,
    IncidentCategoriesService,
    IncidentChangeService,
    IncidentFiledProducer,
    IncidentFilingService,
    IncidentMeasuresService,
    IncidentRecordsService,
    IncidentsQuery,
    IncidentStatsQuery,
    IncidentSubRecordsService,
    IncidentTransitionsService,
    TenantSettingsService,
  ],
})
export class IncidentsModule {}
