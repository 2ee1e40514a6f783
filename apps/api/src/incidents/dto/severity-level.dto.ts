import {
  SEVERITY_DESCRIPTION_MAX,
  SEVERITY_LABEL_MAX,
  SEVERITY_NOTIFY,
  type SeverityLevelSettings,
  type SeverityNotify,
} from '@helhet/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { trim } from '../../core/http/dto-transforms';

export class SeverityLevelDto implements SeverityLevelSettings {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(SEVERITY_LABEL_MAX)
  label!: string;

  @Transform(trim)
  @IsString()
  @MaxLength(SEVERITY_DESCRIPTION_MAX)
  description!: string;

  @IsBoolean()
  active!: boolean;

  @IsIn(SEVERITY_NOTIFY, { message: `notify must be one of ${SEVERITY_NOTIFY.join(', ')}` })
  notify!: SeverityNotify;

  @IsBoolean()
  sameDayAcknowledge!: boolean;
}
