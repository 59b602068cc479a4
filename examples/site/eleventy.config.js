// eleventy.config.js — the reference site for a `verdict-desk --export-json DIR/` folder.
//
// SPDX-License-Identifier: GPL-3.0-or-later
module.exports = function (eleventyConfig) {
  // Every value from the export is text: Nunjucks escapes it once, as it
  // goes into the page. Nothing here marks a value safe or escapes it again.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  eleventyConfig.addPassthroughCopy({ "src/style.css": "style.css" });
  // The export folder is data, read by src/_data/desk.js; a change in it
  // rebuilds the site under `--serve`.
  if (process.env.VERDICT_DESK_EXPORT) {
    eleventyConfig.addWatchTarget(process.env.VERDICT_DESK_EXPORT);
  }

  return {
    dir: { input: "src", includes: "_includes", data: "_data", output: "_site" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
};
