import { CreateFoundation1763900000000 } from './migrations/1763900000000-CreateFoundation';
import { CreateIncidents1795879824388 } from './migrations/1795879824388-CreateIncidents';
import { CreateRiskAnalyses1795884674077 } from './migrations/1795884674077-CreateRiskAnalyses';
import { CreateHmsRiskItems1795891000000 } from './migrations/1795891000000-CreateHmsRiskItems';
import { CreateRiskReports1795892000000 } from './migrations/1795892000000-CreateRiskReports';
import { CreateRiskImports1795893000000 } from './migrations/1795893000000-CreateRiskImports';

/** Every migration in order. Listed explicitly so the webpack bundle and the CLI see the same set. */
export const MIGRATIONS = [CreateFoundation1763900000000, CreateIncidents1795879824388, CreateRiskAnalyses1795884674077, CreateHmsRiskItems1795891000000, CreateRiskReports1795892000000, CreateRiskImports1795893000000];
