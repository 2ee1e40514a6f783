import { Global, Module } from '@nestjs/common';

import { OrgDirectory } from './org-directory';

/** The organisation's read model for every other feature (ADR 0014). Global for the same reason as UserDirectoryModule. */
@Global()
@Module({ exports: [OrgDirectory], providers: [OrgDirectory] })
export class OrgDirectoryModule {}
