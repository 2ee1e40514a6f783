import { Global, Module } from '@nestjs/common';

import { UserDirectory } from './user-directory';

/**
 * The users' read model for every other feature (ADR 0014). Global, because it is read nearly everywhere (audit,
 * notifications, organisation, grants) and depends on nothing but the connection, so it can sit below them all.
 */
@Global()
@Module({ exports: [UserDirectory], providers: [UserDirectory] })
export class UserDirectoryModule {}
