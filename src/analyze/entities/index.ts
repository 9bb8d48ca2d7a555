// The entity stage: actors named or described in an article, with canonical ids.
export { findEntities, isNationality } from './find.js';
export {
  compileEntityKnowledge, demonymCountry, loadEntityKnowledge, readActorData,
  type ActorData, type ActorEntry, type EntityKnowledge, type Role,
} from './knowledge.js';
