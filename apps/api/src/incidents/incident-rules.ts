import type { FieldError } from '@helhet/shared';
import { ATTACHMENT_LIMITS } from '@helhet/shared';

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** First bytes of each allowed type: the declared type must match the content. */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Why each file is refused (field `files.<n>`), or an empty list. */
export const attachmentProblems = (files: readonly UploadedFile[]): FieldError[] => {
  const problems: FieldError[] = [];
  if (files.length > ATTACHMENT_LIMITS.maxFiles)
    problems.push({ field: 'files', reasons: [`at most ${ATTACHMENT_LIMITS.maxFiles} files`] });
  files.forEach((file, index) => {
    const reasons: string[] = [];
    if (!ATTACHMENT_LIMITS.types.includes(file.mimetype)) reasons.push(`type ${file.mimetype} is not allowed (JPEG, PNG, WebP or PDF)`);
    else if (!SIGNATURES[file.mimetype]?.(file.buffer)) reasons.push(`content is not a valid ${file.mimetype} file`);
    if (file.size > ATTACHMENT_LIMITS.maxBytes) reasons.push(`file is larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`);
    if (file.size === 0) reasons.push('file is empty');
    if (reasons.length > 0) problems.push({ field: `files.${index}`, reasons });
  });
  return problems;
};

/** A clean file name for storage metadata and Content-Disposition. */
export const safeFileName = (name: string): string =>
  [...name.normalize('NFC')]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/"<>:|?*'.includes(char) ? '_' : char))
    .join('')
    .slice(-200) || 'vedlegg';
