// Entry point. Source maps for our own code only (see own-source-maps.ts), switched on before
// the rest is loaded: a static import is evaluated before this module's body, and serve.ts is
// imported dynamically, after it.
import './own-source-maps.js';

await import('./serve.js');
