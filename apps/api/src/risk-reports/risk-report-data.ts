import type { ScaleSet } from '@helhet/domain';
import type { RiskAnalysisResponse, RiskReportStage } from '@helhet/shared';

/** Everything the report shows, read with the requester's rights before drawing starts. */
export interface RiskReportData {
  tenantName: string;
  analysis: RiskAnalysisResponse;
  scale: ScaleSet;
  unit: {
    name: string;
    levelType: string;
    ancestors: string[];
    subUnitCount: number;
    headcount: number | null;
  };
  /** Workshop participants (null: not read). */
  participants: { name: string; role: string | null; organisation: string | null }[] | null;
  /** Measures linked to the analysis's scenarios (null: not read). */
  measures:
    | {
        title: string;
        status: string;
        deadline: string | null;
        ownerName: string | null;
        scenarioId: string;
      }[]
    | null;
  generatedAt: Date;
}

export type ReportProgress = (stage: RiskReportStage, done?: number, total?: number) => Promise<void>;
