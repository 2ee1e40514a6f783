import { ATTACHMENT_LIMITS } from '@helhet/shared';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';

import { DomainException } from '../core/http/domain.exception';
import { inputProblem, inputTooDeep, jsonNestsDeeperThan } from '../core/http/input-limits';

/**
 * Parses `multipart/form-data` with up to ATTACHMENT_LIMITS.maxFiles files in field `files`, in memory.
 * Multer stops at twice the size limit (so nothing huge is buffered); files between the limit and that
 * are refused by attachmentProblems with the field name. Multer's own errors become 400s naming `files`.
 * JSON requests pass through untouched.
 */
@Injectable()
export class MultipartInterceptor implements NestInterceptor {
  private readonly upload = multer({
    limits: { fields: 5, fieldSize: 1024 * 1024, fileSize: ATTACHMENT_LIMITS.maxBytes * 2, files: ATTACHMENT_LIMITS.maxFiles + 1 },
    storage: multer.memoryStorage(),
  }).array('files');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is('multipart/form-data')) {
      await new Promise<void>((resolve, reject) =>
        this.upload(request, context.switchToHttp().getResponse<Response>(), (error: unknown) => {
          if (!error) return resolve();
          const reason = error instanceof MulterError ? multerReason(error) : 'could not read the upload';
          const refusal = new DomainException('VALIDATION_FAILED', `Invalid upload: ${reason}`, [{ field: 'files', reasons: [reason] }]);
          void drained(request).then(() => reject(refusal));
        }),
      );
      const problem = multipartInputProblem(request);
      if (problem) throw problem;
    }
    return next.handle();
  }
}

/**
 * The edge rules of JSON bodies (core/http/edge.middleware.ts) for what multer parsed: the JSON in field `payload` is
 * refused when nested too deeply (from the raw text, before anyone parses it) or when it holds NUL or lone surrogates,
 * as are the other fields and the file names. Fields are named as the validation of the payload names them.
 */
const multipartInputProblem = (request: Request): DomainException | null => {
  const fields = (request.body ?? {}) as Record<string, unknown>;
  const payload = fields['payload'];
  if (typeof payload === 'string') {
    if (jsonNestsDeeperThan(payload)) return inputTooDeep('payload');
    try {
      const problem = inputProblem(JSON.parse(payload) as unknown);
      if (problem) return problem;
    } catch {
      // Not JSON: the controller answers "payload must be JSON".
    }
  }
  const names = uploadedFiles(request).map((file) => file.originalname);
  return inputProblem({ ...fields, payload: undefined }) ?? inputProblem(names, 'files');
};

/** Bodies up to this size are read to the end before a refused upload is answered; larger ones are not waited for. */
const DRAIN_LIMIT_BYTES = 8 * ATTACHMENT_LIMITS.maxBytes;
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Waits until the rest of a refused upload has arrived (multer stops parsing but keeps reading). Answering while the
 * client is still sending makes Node close the connection after the response, and under load the client then sees a
 * connection reset instead of the 400. Bounded by size (Content-Length) and time, so a huge body is not waited for.
 */
const drained = (request: Request): Promise<void> => {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (request.complete || !(declared <= DRAIN_LIMIT_BYTES)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    request.once('end', done).once('close', done).once('error', done);
    request.resume();
  });
};

const multerReason = (error: MulterError): string => {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return `file is larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`;
    case 'LIMIT_FILE_COUNT':
      return `at most ${ATTACHMENT_LIMITS.maxFiles} files`;
    case 'LIMIT_UNEXPECTED_FILE':
      return 'files must be sent in the field "files"';
    default:
      return error.message;
  }
};

/** The files multer parsed for this request (empty for JSON requests). */
export const uploadedFiles = (request: Request): Express.Multer.File[] => (Array.isArray(request.files) ? request.files : []);
