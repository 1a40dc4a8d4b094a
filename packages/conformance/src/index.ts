export { main } from './cli.js';
export {
  type ConformanceOptions,
  Context,
  check,
  checkEqual,
  expectError,
  ScenarioFailure,
} from './context.js';
export { type Contract, createContract, loadContract, type Operation } from './contract.js';
export { type ConformanceReport, type RunOptions, runConformance, type ScenarioResult } from './run.js';
export { type Scenario, scenarios } from './scenarios.js';
