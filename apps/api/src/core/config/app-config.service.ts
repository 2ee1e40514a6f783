import { Injectable } from '@nestjs/common';

import type { EnvironmentVariables } from './environment-variables';

/** Typed, validated configuration. Nothing else reads `process.env`. */
@Injectable()
export class AppConfig {
  constructor(private readonly values: EnvironmentVariables) {}

  get<K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] {
    return this.values[key];
  }
}
