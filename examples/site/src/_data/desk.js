// desk.js — the export folder as the templates see it.
//
// Reads VERDICT_DESK_EXPORT (default: ../export beside this site), which is
// what `verdict-desk --database FILE --export-json DIR/` wrote: index.json and
// one <slug>.json per comparison. Only what the index lists is built.
//
// SPDX-License-Identifier: GPL-3.0-or-later
const fs = require("fs");
const path = require("path");

const PERSONAS = {
  "developer-experience": "Developer Experience",
  skeptic: "Skeptic",
  strategist: "Strategist",
  buyer: "Buyer",
  custom: "Custom",
};
const VERDICTS = { ship: "Ship", skip: "Skip", undecided: "Undecided", none: "No verdict yet" };
const STATUSES = { draft: "Draft", "in-review": "In Review", ready: "Ready", published: "Published" };

function readJson(file, format) {
  const doc = JSON.parse(fs.readFileSync(file, "utf-8"));
  if (doc.format !== format) {
    throw new Error(`${file}: expected a “${format}” document, found “${doc.format}”`);
  }
  return doc;
}

// One comparison laid out as the page reads it: the two tools side by
// side, then each panel member with a verdict and a quote per tool.
function pageOf(entry, comparison) {
  const tools = comparison.tools;
  const reviewers = comparison.reviewers.map((reviewer) => {
    const cards = tools.map((tool, t) => {
      const card = comparison.scorecards.find(
        (s) => s.reviewer === reviewer.uuid && s.tool === tool.uuid);
      const split = comparison.split.find((s) => s.reviewer === reviewer.uuid);
      const verdict = split ? split.verdicts[t] : "none";
      return {
        tool: tool.name,
        verdict,
        verdictLabel: VERDICTS[verdict],
        quote: card ? card.quote : "",
      };
    });
    return {
      name: reviewer.name,
      persona: PERSONAS[reviewer.persona] || reviewer.persona,
      cards,
    };
  });

  return {
    slug: comparison.slug,
    status: entry.status,
    statusLabel: STATUSES[entry.status] || entry.status,
    publishDate: comparison.publish_date,
    updated: entry.updated,
    title: comparison.title,
    dek: comparison.dek,
    pricingRead: comparison.pricing_read,
    tools,
    reviewers,
  };
}

module.exports = function () {
  const dir = process.env.VERDICT_DESK_EXPORT || path.join(__dirname, "..", "..", "..", "export");
  const index = readJson(path.join(dir, "index.json"), "verdict-desk/index");
  const pages = index.comparisons.map((entry) => {
    const doc = readJson(path.join(dir, entry.file), "verdict-desk/comparisons");
    const comparison = doc.comparisons.find((c) => c.slug === entry.slug);
    if (!comparison) {
      throw new Error(`${entry.file} does not hold the comparison “${entry.slug}”`);
    }
    return pageOf(entry, comparison);
  });
  return { pages };
};
