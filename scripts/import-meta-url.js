export const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;
