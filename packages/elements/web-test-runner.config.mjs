// Browser tests of @partnerkit/elements in Debian's Chromium: `npx web-test-runner --config
// packages/elements/web-test-runner.config.mjs` (npm test runs it). Set PK_WTR_FILES to run a subset.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, requireChromium } from '../../scripts/chromium.mjs';
import { countReporter } from '../../scripts/wtr-count-reporter.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  rootDir: here('../..'),
  files: process.env.PK_WTR_FILES ?? here('src/**/*.test.ts'),
  nodeResolve: true,
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: requireChromium(), args: chromiumArgs() } })],
  plugins: [esbuildPlugin({ ts: true, tsconfig: here('tsconfig.test.json') })],
  testFramework: { config: { timeout: 10000 } },
  reporters: [
    defaultReporter(),
    ...(process.env.PK_WTR_RESULTS ? [countReporter(process.env.PK_WTR_RESULTS)] : []),
  ],
};
