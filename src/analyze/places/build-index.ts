// `node dist/src/analyze/places/build-index.js`: builds the gazetteer cache file
// (node_modules/.cache/sitrep/gazetteer.tsv) from the npm packages, so that the first
// analysis does not pay for it. Run by `npm run prepare` after tsc.
import { buildGazetteerCache } from './gazetteer.js';

const t0 = Date.now();
const path = buildGazetteerCache();
console.log(`places: gazetteer index built in ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${path}`);
