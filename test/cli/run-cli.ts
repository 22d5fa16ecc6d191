// Entry point for tests that spawn the CLI as a person runs it, always from src/ (bin/setu.js
// prefers a dist/ build that may be stale): `node --import tsx test/cli/run-cli.ts ARGS...`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
