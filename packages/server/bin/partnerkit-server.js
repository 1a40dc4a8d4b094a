#!/usr/bin/env node
// The `partnerkit-server` command. Run `npm run build` first: it loads the compiled code.
import { main } from '../dist/cli.js';

await main();
