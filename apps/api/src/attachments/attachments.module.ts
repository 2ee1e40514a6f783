import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { Attachment } from './attachment.entity';
import { AttachmentStore } from './attachment-store';

/** Files attached to avvik (and later other records): the `attachment` table and the files on disk. */
@Module({ exports: [AttachmentStore], imports: [TypeOrmModule.forFeature([Attachment])], providers: [AttachmentStore] })
export class AttachmentsModule {}
