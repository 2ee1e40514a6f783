import { type ApplyRiskImportRequest, RISK_EXPORT_FORMATS, type RiskExportFormat, type RiskExportQuery } from '@helhet/shared';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class RiskExportQueryDto implements RiskExportQuery {
  @IsOptional()
  @IsIn(RISK_EXPORT_FORMATS, { message: 'format must be xlsx or csv' })
  format?: RiskExportFormat;
}

export class ApplyRiskImportDto implements ApplyRiskImportRequest {
  @IsOptional()
  @IsBoolean({ message: 'skipInvalidRows must be true or false' })
  skipInvalidRows?: boolean;
}
