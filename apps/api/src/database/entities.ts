import { AccessLogEntry } from '../access-log/access-log-entry.entity';
import { Attachment } from '../attachments/attachment.entity';
import { AuditLogEntry } from '../audit-log/entities/audit-log-entry.entity';
import { Invitation } from '../auth/entities/invitation.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { TenantSsoSettings } from '../auth/oidc/tenant-sso-settings.entity';
import { PasswordResetToken } from '../auth/password-reset/password-reset-token.entity';
import { TenantSetting } from '../core/settings/tenant-setting.entity';
import { Tenant } from '../core/tenancy/tenant.entity';
import { CategoryRestrictionChange } from '../incidents/entities/category-restriction-change.entity';
import { ExternalNotification } from '../incidents/entities/external-notification.entity';
import { Incident } from '../incidents/entities/incident.entity';
import { IncidentCategory } from '../incidents/entities/incident-category.entity';
import { IncidentEvent } from '../incidents/entities/incident-event.entity';
import { IncidentFilingRequest } from '../incidents/entities/incident-filing-request.entity';
import { IncidentNumberCounter } from '../incidents/entities/incident-number-counter.entity';
import { InjuryRecord } from '../incidents/entities/injury-record.entity';
import { PersonalDataBreach } from '../incidents/entities/personal-data-breach.entity';
import { Measure } from '../measures/entities/measure.entity';
import { MeasureLink } from '../measures/entities/measure-link.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { Delegation } from '../organisation/entities/delegation.entity';
import { OrgUnit } from '../organisation/entities/org-unit.entity';
import { HmsRiskItem } from '../risk/entities/hms-risk-item.entity';
import { RiskAnalysis } from '../risk/entities/risk-analysis.entity';
import { RiskFactor } from '../risk/entities/risk-factor.entity';
import { RiskScenario } from '../risk/entities/risk-scenario.entity';
import { ScaleSet } from '../risk/entities/scale-set.entity';
import { IncidentRiskLink } from '../risk-links/entities/incident-risk-link.entity';
import { RiskReport } from '../risk-reports/risk-report.entity';
import { RiskImport } from '../risk-transfer/risk-import.entity';
import { RoleAssignment } from '../users/entities/role-assignment.entity';
import { User } from '../users/entities/user.entity';
import { Workshop, WorkshopConsensus, WorkshopParticipant, WorkshopProposal, WorkshopVote } from '../workshops/entities';

/**
 * Every entity of the schema, assembled at the composition root (ADR 0014). The Nest app does not use this list:
 * each feature module registers its own entities (`TypeOrmModule.forFeature`) and core loads them with
 * `autoLoadEntities`. The list is for what sees the whole schema at once: the CLI data source (migrations and the
 * drift check), the seeds, the integration-test setup and the worker (whose relations span features).
 * `entity-registration.spec.ts` checks that the feature modules register exactly these.
 */
export const ENTITIES = [
  AccessLogEntry,
  Attachment,
  AuditLogEntry,
  Delegation,
  ExternalNotification,
  Incident,
  CategoryRestrictionChange,
  IncidentCategory,
  IncidentEvent,
  IncidentFilingRequest,
  IncidentNumberCounter,
  IncidentRiskLink,
  InjuryRecord,
  Invitation,
  Measure,
  MeasureLink,
  Notification,
  NotificationDelivery,
  OrgUnit,
  PasswordResetToken,
  PersonalDataBreach,
  RefreshToken,
  HmsRiskItem,
  RiskAnalysis,
  RiskImport,
  RiskReport,
  RiskFactor,
  RiskScenario,
  RoleAssignment,
  ScaleSet,
  Tenant,
  TenantSetting,
  TenantSsoSettings,
  User,
  Workshop,
  WorkshopConsensus,
  WorkshopParticipant,
  WorkshopProposal,
  WorkshopVote,
];
