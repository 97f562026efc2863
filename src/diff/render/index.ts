// Report formats for a DiffResult.
export { renderText, type TextOptions } from "./text.js";
export { renderMarkdown } from "./markdown.js";
export { renderJson, DIFF_REPORT_FORMAT, DIFF_REPORT_VERSION } from "./json.js";
export { renderHtml } from "./html.js";
