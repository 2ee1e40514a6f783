import { IsString } from 'class-validator';

import { DomainException } from '../http/domain.exception';
import { WsValidationPipe } from './ws-validation.pipe';

class NoteDto {
  @IsString() note!: string;
}

describe('WsValidationPipe', () => {
  const pipe = new WsValidationPipe();
  const metadata = { metatype: NoteDto, type: 'body' as const };

  it('should validate a message like a REST body', async () => {
    await expect(pipe.transform({ note: 'ok' }, metadata)).resolves.toBeInstanceOf(NoteDto);
    await expect(pipe.transform({ note: 1 }, metadata)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('should refuse NUL, lone surrogates and deep nesting before validating', async () => {
    await expect(pipe.transform({ note: 'a\0' }, metadata)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'note' }],
    });
    await expect(pipe.transform({ note: '\ud800' }, metadata)).rejects.toBeInstanceOf(DomainException);
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    await expect(pipe.transform({ note: deep }, metadata)).rejects.toMatchObject({ code: 'INPUT_TOO_DEEP' });
  });
});
