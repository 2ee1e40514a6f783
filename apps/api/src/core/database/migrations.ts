import { CreateFoundation1763900000000 } from './migrations/1763900000000-CreateFoundation';
import { CreateIncidents1795879824388 } from './migrations/1795879824388-CreateIncidents';
import { CreateRiskAnalyses1795884674077 } from './migrations/1795884674077-CreateRiskAnalyses';
import { CreateWorkshops1795890000000 } from './migrations/1795890000000-CreateWorkshops';
import { CreateHmsRiskItems1795891000000 } from './migrations/1795891000000-CreateHmsRiskItems';
import { LinkRiskToMeasuresAndIncidents1795891500000 } from './migrations/1795891500000-LinkRiskToMeasuresAndIncidents';
import { CreateRiskReports1795892000000 } from './migrations/1795892000000-CreateRiskReports';
import { CreateRiskImports1795893000000 } from './migrations/1795893000000-CreateRiskImports';
import { EncryptHiddenReporters1795894000000 } from './migrations/1795894000000-EncryptHiddenReporters';
import { AddMeasureDeadlines1795894200000 } from './migrations/1795894200000-AddMeasureDeadlines';
import { AddOccupationalHealthRole1795894600000 } from './migrations/1795894600000-AddOccupationalHealthRole';
import { AddNotificationSubjectUser1795895000000 } from './migrations/1795895000000-AddNotificationSubjectUser';
import { CreatePasswordResetTokens1795895300000 } from './migrations/1795895300000-CreatePasswordResetTokens';
import { CreateTenantSsoSettings1795896100000 } from './migrations/1795896100000-CreateTenantSsoSettings';
import { CreateIncidentFilingRequests1795896700000 } from './migrations/1795896700000-CreateIncidentFilingRequests';
import { CreateCategoryRestrictionChanges1795897500000 } from './migrations/1795897500000-CreateCategoryRestrictionChanges';

/** Every migration in order. Listed explicitly so the webpack bundle and the CLI see the same set. */
export const MIGRATIONS = [
  CreateFoundation1763900000000,
  CreateIncidents1795879824388,
  CreateRiskAnalyses1795884674077,
  CreateWorkshops1795890000000,
  CreateHmsRiskItems1795891000000,
  LinkRiskToMeasuresAndIncidents1795891500000,
  CreateRiskReports1795892000000,
  CreateRiskImports1795893000000,
  EncryptHiddenReporters1795894000000,
  AddMeasureDeadlines1795894200000,
  AddOccupationalHealthRole1795894600000,
  AddNotificationSubjectUser1795895000000,
  CreatePasswordResetTokens1795895300000,
  CreateTenantSsoSettings1795896100000,
  CreateIncidentFilingRequests1795896700000,
  CreateCategoryRestrictionChanges1795897500000,
];
