import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * A nested DTO that must be present and be one object of its class: `ValidateNested` alone lets a missing value,
 * `null` and an array (`[]` validates as "no elements") through to the service.
 * `{ optional: true }`: may be left out (undefined), but not `null`.
 */
export const NestedObject = (type: () => new () => object, options: { optional?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    ...(options.optional ? [ValidateIf((_: object, value: unknown) => value !== undefined)] : []),
    IsDefined({ message: '$property is required' }),
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    Type(type),
  );
