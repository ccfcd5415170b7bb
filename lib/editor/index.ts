export { draftSchema, type StructuralName } from './schema';
export { numberDoc, type DocNumbering, type OutlineLine, type PositionedLabel } from './numberDoc';
export { draftToParseJson, draftToRegulationBody } from './draftToStructure';
export { structureToDraft, blankDraft } from './structureToDraft';
export { newEid } from './newEid';
export { insertArticleAfter, insertParagraphAfter, makeItem, makeSubitem, makeParagraph, indentBlock, outdentBlock, moveStructural, insertHeading, insertArticleRef, articleAt } from './commands';
export { uniqueEidPlugin, fixEids } from './uniqueEidPlugin';
export { numberingPlugin, numberingKey } from './numberingPlugin';
export { pasteLegalTextPlugin, legalTextToBlocks } from './pasteLegalText';
