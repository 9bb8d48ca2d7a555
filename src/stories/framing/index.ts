// Framing: how each outlet tells the same story — the words it uses for each actor, its
// loaded terms and hedges, whom it quotes, which story events it reports — per story
// (./story.ts, read from the store by ./view.ts) and per outlet across stories (./profiles.ts).
export { articleFraming, storyFraming, type ArticleFraming } from './story.js';
export { OutletProfiles, outletProfiles } from './profiles.js';
export { compileFramingLexicon, loadFramingLexicon, readFramingData, type FramingData, type FramingLexicon } from './lexicon.js';
export { framingView, outletsView } from './view.js';
export { framingText, outletsText } from './text.js';
