// Loaded before the bench (`--import`): source maps for our own code only, as src/main.ts sets
// them for the service, so the workers that run in the bench's process carry what production's do.
// tsx switches support on for every file when it starts; this narrows it again, before the bench's
// modules load.
import { setSourceMapsSupport } from 'node:module';

setSourceMapsSupport(true, { nodeModules: false });
