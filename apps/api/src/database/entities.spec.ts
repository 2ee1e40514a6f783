import { EntitiesMetadataStorage } from '@nestjs/typeorm/dist/entities-metadata.storage';
import { DataSource } from 'typeorm';
import { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder';

import { type ColumnKey, type EntityRow, snakeKey } from '../core/database/entity-row';
import type { Measure } from '../measures/entities/measure.entity';
import type { OrgUnit } from '../organisation/entities/org-unit.entity';
import type { User } from '../users/entities/user.entity';
import { ENTITIES } from './entities';
import { schemaDataSourceOptions } from './schema-data-source-options';

/** Compile-time equality: `expectType<Equals<A, B>>()` fails to compile unless A and B are the same type. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(): T | undefined => undefined;

// The row shapes raw queries get, derived from the entities.
expectType<Equals<EntityRow<Measure, 'id' | 'orgUnitId'>, { id: string; org_unit_id: string }>>();
expectType<Equals<EntityRow<User, 'name' | 'primaryOrgUnitId'>, { name: string; primary_org_unit_id: string | null }>>();
expectType<Equals<EntityRow<OrgUnit, 'leaderUserId' | 'validTo'>, { leader_user_id: string | null; valid_to: string | null }>>();
// Relations and unknown properties are not columns (a renamed property fails here exactly like this).
// @ts-expect-error `orgUnit` is a relation, not a column
expectType<Equals<EntityRow<Measure, 'orgUnit'>, object>>();
// @ts-expect-error there is no property `unitId` on Measure
expectType<Equals<EntityRow<Measure, 'unitId'>, object>>();
expectType<Equals<ColumnKey<Measure> & 'tenant', never>>();

describe('EntityRow', () => {
  it('should name keys like the naming strategy names the columns, for every column of every entity', async () => {
    const dataSource = new DataSource(schemaDataSourceOptions('postgres://postgres@127.0.0.1:5432/not-connected'));
    const metadatas = await new ConnectionMetadataBuilder(dataSource).buildEntityMetadatas(ENTITIES);
    const columns = metadatas.flatMap((metadata) =>
      metadata.columns.map((column) => ({ column: column.databaseName, entity: metadata.name, property: column.propertyPath })),
    );
    expect(columns.length).toBeGreaterThan(200);
    const mismatches = columns.filter(({ column, property }) => snakeKey(property) !== column);
    expect(mismatches).toEqual([]);
  });

  it('should convert camelCase property names to snake_case at runtime as the type does', () => {
    const key: 'primary_org_unit_id' = snakeKey('primaryOrgUnitId');
    expect(key).toBe('primary_org_unit_id');
    expect(snakeKey('sha256')).toBe('sha256');
    expect(snakeKey('id')).toBe('id');
  });
});

describe('entity registration (ADR 0014)', () => {
  it('should have the API modules register exactly the entities of the composition root list', async () => {
    // Loading the module files runs their `TypeOrmModule.forFeature([...])`, which is what autoLoadEntities reads.
    await import('../app.module');
    const registered = EntitiesMetadataStorage.getEntitiesByDataSource('default').map((entity) => (entity as { name: string }).name);
    expect([...registered].sort()).toEqual(ENTITIES.map((entity) => entity.name).sort());
  });
});
