// Entry point. Source maps for our own code only (see own-source-maps.ts), switched on before
// the rest is loaded: a static import is evaluated before this module's body, and serve.ts is
// imported dynamically, after it.
import { enableCompileCache } from 'node:module';
import './own-source-maps.js';

// V8 keeps the bytecode of the modules it compiles in a cache on disk (os.tmpdir()/node-compile-cache, about 20 MB),
// so a warm start does not compile the ~1,000 modules of the dependencies and dist/ again (docs/benchmarks.md).
enableCompileCache();

await import('./serve.js');
