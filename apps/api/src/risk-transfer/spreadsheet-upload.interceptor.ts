import { RISK_IMPORT_LIMITS } from '@helhet/shared';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';

import { invalidField } from '../core/http/domain.exception';

/**
 * Parses `multipart/form-data` with one spreadsheet in field `file`, in memory, stopping at the size limit.
 * Multer's own errors become 400s naming `file`; the content is checked by readSpreadsheet.
 */
@Injectable()
export class SpreadsheetUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({
    limits: { fieldSize: 1024, fields: 2, fileSize: RISK_IMPORT_LIMITS.maxBytes, files: 1 },
    storage: multer.memoryStorage(),
  }).single(RISK_IMPORT_LIMITS.field);

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) throw invalidField(RISK_IMPORT_LIMITS.field, 'send the file as multipart/form-data');
    await new Promise<void>((resolve, reject) =>
      this.upload(request, context.switchToHttp().getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        reject(invalidField(RISK_IMPORT_LIMITS.field, error instanceof MulterError ? multerReason(error) : 'could not read the upload'));
      }),
    );
    return next.handle();
  }
}

const multerReason = (error: MulterError): string => {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return `file is larger than ${RISK_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`;
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return `send one file in the field "${RISK_IMPORT_LIMITS.field}"`;
    default:
      return error.message;
  }
};
