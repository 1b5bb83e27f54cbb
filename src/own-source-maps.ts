import { setSourceMapsSupport } from 'node:module';

// Stack traces point at our TypeScript, through the source maps `tsc` writes beside dist/, but
// not into node_modules: with them on there too (`--enable-source-maps`, or tsx), Node parses a
// dependency's map in full whenever a stack passes through its file. pdf.js touches a stack
// while it loads, so the first CV read parsed its two maps (7 MB of JSON): measured, 70 MB more
// heap for the life of the process and 170 ms more on that read. A module's map is looked up
// when it loads, so this must run before the rest of the app is loaded: src/main.ts imports it
// first, the bench preloads it (`--import`).
setSourceMapsSupport(true, { nodeModules: false });
