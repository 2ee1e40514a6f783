const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Two entry points from one codebase: the HTTP API (main.js) and the background worker (worker.js),
// plus the seed CLI (seed.js) that `npm start` and the benchmarks run.
module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: './src/worker.ts' },
        { entryName: 'seed', entryPath: './src/seeds/seed.cli.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      // Request/response schemas in /api/docs come from the DTO classes and their class-validator rules.
      transformers: [{ name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
