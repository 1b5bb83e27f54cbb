import { setSourceMapsSupport } from 'node:module';

// Entry point. Stack traces point at our TypeScript, through the source maps `tsc` writes beside
// dist/, but not into node_modules: with `--enable-source-maps` Node also reads dependencies'
// maps, and parses one in full whenever a stack passes through its file. pdf.js touches a stack
// while it loads, so the first CV read parsed its two maps (7 MB of JSON): measured, 70 MB more
// heap for the life of the process and 170 ms more on that read. Support is switched on before
// the rest is loaded (a module's map is looked up when it loads), hence the dynamic import.
setSourceMapsSupport(true, { nodeModules: false });
await import('./serve.js');
