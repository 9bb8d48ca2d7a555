// Stories: one situation across outlets and days. Articles are clustered into stories as
// they are stored (./update.ts over the decision in ./cluster.ts); a story is read as its
// members' dates, merged events with claims ledgers, timeline and summary (./view.ts).
export { updateStories, type UpdateSummary } from './update.js';
export { storyView, composeStory } from './view.js';
export { CLUSTERING } from './cluster.js';
