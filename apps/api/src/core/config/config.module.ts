import { type DynamicModule, Global, Module } from '@nestjs/common';

import { AppConfig } from './app-config.service';
import { type EnvironmentVariables, validateEnvironment } from './environment-variables';

@Global()
@Module({})
export class ConfigModule {
  /** Validates `process.env` once at boot (or uses the given values in tests); bad config stops the process. */
  static forRoot(values?: EnvironmentVariables): DynamicModule {
    const config = new AppConfig(values ?? validateEnvironment(process.env));
    return { exports: [AppConfig], module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }] };
  }
}
