// Row / Evaluator types for evaluators (kept as a module of its own: eval/*.ts import it).
export { fmt, type Evaluator, type Row } from './common.js';
