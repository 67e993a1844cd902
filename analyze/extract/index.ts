// Public API of the extract stage.
export { extract, extractDetailed, EXTRACTOR_VERSION, type ExtractDetail } from './extract.ts';
export { loadReference, type Reference } from './reference.ts';
