/* vd-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-demo.h"

/* Every demo record carries fixed uuids and timestamps, so that populating
 * two stores gives byte-identical exports and importing the demo twice
 * merges instead of duplicating. 2026-11-20T09:00:00Z, in microseconds. */
#define DEMO_TIMESTAMP G_GINT64_CONSTANT (1795165200000000)

enum {
  TOOL_HAIKU,
  TOOL_MISTRAL,
  N_TOOLS
};

enum {
  REVIEWER_DX,
  REVIEWER_SKEPTIC,
  REVIEWER_STRATEGIST,
  REVIEWER_BUYER,
  N_REVIEWERS
};

typedef struct
{
  const char *uuid;
  const char *name;
  const char *vendor;
  const char *category;
  const char *tagline;
  const char *description;
  VdPricing   pricing;
  const char *pricing_detail;
  const char *website;
  const char *license;
} DemoTool;

typedef struct
{
  const char *uuid;
  const char *name;
  VdPersona   persona;
} DemoReviewer;

typedef struct
{
  const char *uuid;
  guint       reviewer;       /* index into demo_reviewers */
  guint       tool;           /* index into demo_tools */
  VdVerdict   verdict;
  const char *sections[4];    /* one per persona prompt, in order; NULL-terminated */
} DemoScorecard;

static const DemoTool demo_tools[N_TOOLS] = {
  [TOOL_HAIKU] = {
    .uuid = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60",
    .name = "Claude Haiku Open Weights",
    .vendor = "Anthropic",
    .category = "Developer Tools",
    .tagline = "Anthropic’s small Claude model, published as downloadable weights for research",
    .description =
      "Anthropic has made the weights of Claude Haiku available for research and other "
      "non-commercial work, the first time one of its models can run outside its own API. "
      "Anyone may download it and run inference on their own machines, but commercial "
      "deployment is off limits, and Sonnet and Opus are still offered only as hosted services.",
    .pricing = VD_PRICING_FREE,
    .pricing_detail = "Free for research and non-commercial use",
    .website = "https://www.anthropic.com/claude/haiku",
    .license = "Research and non-commercial licence",
  },
  [TOOL_MISTRAL] = {
    .uuid = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61",
    .name = "Mistral Medium 3",
    .vendor = "Mistral AI",
    .category = "Developer Tools",
    .tagline = "A mid-tier model API with tool calling, JSON output and a 128K-token window",
    .description =
      "Mistral Medium 3 is served through Mistral’s La Plateforme API and is aimed at teams "
      "putting language features into production. It supports function calling, a JSON mode for "
      "structured responses and a context of 128K tokens at a price well under frontier models, "
      "filling the gap between Mistral’s small models and its flagship.",
    .pricing = VD_PRICING_PAID,
    .pricing_detail = "Pay per token via La Plateforme",
    .website = "https://mistral.ai/news/mistral-medium-3",
    .license = "Proprietary API",
  },
};

/* In panel order. */
static const DemoReviewer demo_reviewers[N_REVIEWERS] = {
  [REVIEWER_DX] = {
    "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c50", "Priya Raman", VD_PERSONA_DEVELOPER_EXPERIENCE,
  },
  [REVIEWER_SKEPTIC] = {
    "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c51", "Marcus Webb", VD_PERSONA_SKEPTIC,
  },
  [REVIEWER_STRATEGIST] = {
    "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c52", "Elena Sokolova", VD_PERSONA_STRATEGIST,
  },
  [REVIEWER_BUYER] = {
    "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c53", "Tomás Herrera", VD_PERSONA_BUYER,
  },
};

#define DEMO_COMPARISON_UUID "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"

static const DemoScorecard demo_scorecards[] = {
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20", REVIEWER_DX, TOOL_HAIKU, VD_VERDICT_SHIP,
    {
      "What you get is a weights file that runs on your own hardware: no API key, no "
      "endpoint, no network round-trip. That alone changes what you can try on a laptop "
      "or inside a locked-down sandbox.",
      "The wager is that the research licence stays out of the way for most everyday "
      "work — local inference, fine-tuning experiments, offline pipelines. Coming from a "
      "lab that has kept everything behind its API until now, that is a real opening.",
      "It has to load without fuss in vLLM or llama.cpp; the weights are unlikely to be "
      "the sticking point, the licence is. It won’t replace production API calls, but for "
      "experiments, local development and research it earns its place.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21", REVIEWER_DX, TOOL_MISTRAL, VD_VERDICT_SHIP,
    {
      "A mid-tier inference API bundling function calling, a JSON mode and a 128K window, "
      "priced so you can try it without a purchasing process.",
      "The bet is that developers want structured output they don’t have to babysit, and "
      "typed tool calls plus JSON mode are the right answer. It retires the familiar hack of "
      "coaxing a small general model into emitting JSON and hoping it parses.",
      "Your first real tool-use call decides it: nested objects, optional fields and messy "
      "inputs have to come back matching the schema. If they do, the feature set fits "
      "production agent work and the lower bill next to frontier models becomes a real "
      "engineering trade-off, not a slogan.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c22", REVIEWER_SKEPTIC, TOOL_HAIKU, VD_VERDICT_SKIP,
    {
      "Llama 3.1 8B and Mistral 7B already cover this ground, with licences that allow "
      "commercial use and support in every inference stack worth running. Next to them, a "
      "research-only release buys the headline of openness without the substance.",
      "It fails at the exact point that matters: someone wants to fine-tune and ship a "
      "product. The licence forbids it, they end up back on the paid API, and the pitch "
      "falls apart.",
      "Within a year it is either replaced by a genuinely open licence, pushed on "
      "Anthropic by Meta’s and Mistral’s open releases, or simply passed over by researchers "
      "for models they are actually allowed to use.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c23", REVIEWER_SKEPTIC, TOOL_MISTRAL, VD_VERDICT_SHIP,
    {
      "It lands in the crowded mid-tier API bracket beside GPT-4o-mini, Claude Haiku 3.5 "
      "and Gemini 2.0 Flash, all offering tool calls and JSON output at similar or lower "
      "prices.",
      "Long agent chains with complicated tool schemas are the weak spot: Mistral’s "
      "function calling has trailed OpenAI’s on ambiguous schemas before, and "
      "“production-ready” is an assertion rather than a measurement.",
      "The real threat comes from inside: as inference gets cheaper everywhere, Mistral’s "
      "own Large model may erase the reason to pick Medium. Today, though, the price for "
      "the performance is genuine, the API is live, and EU data residency opens doors in "
      "regulated sectors — so it ships on present merit.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c24", REVIEWER_STRATEGIST, TOOL_HAIKU, VD_VERDICT_SHIP,
    {
      "Anthropic is wagering that a safety-first lab can take part in open weights and keep "
      "its commercial edge, with a research licence winning goodwill and attention without "
      "handing rivals a usable model.",
      "That only holds if researchers value Anthropic’s alignment work enough to choose "
      "Haiku over permissively licensed models of similar strength, and that is far from "
      "settled.",
      "The precedent matters more than the model: publishing any weights at all shows that "
      "Meta’s open releases have made staying fully closed cost Anthropic talent and "
      "credibility. If citations and fine-tuning papers follow, expect Sonnet weights within "
      "about 18 months — that is the bet worth tracking.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c25", REVIEWER_STRATEGIST, TOOL_MISTRAL, VD_VERDICT_SHIP,
    {
      "Mistral is betting that by 2027 most production traffic runs through mid-tier "
      "models, because frontier capability is wasted on the bulk of structured tasks and "
      "cost control becomes the edge for the products that sit on top. It is a testable "
      "claim, and agent pipelines doing routing and tool dispatch already bear part of it out.",
      "Inference prices must not fall so fast that the middle tier disappears altogether — "
      "a real danger at the current pace of efficiency gains.",
      "If it works, picking a model stops being a premium decision and becomes like picking "
      "a database tier: dull infrastructure with an SLA. Mistral is on time rather than "
      "early, but its European standing gives it a lane that isn’t only about price, which "
      "is why it ships.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c26", REVIEWER_BUYER, TOOL_HAIKU, VD_VERDICT_SKIP,
    {
      "There isn’t one. The release earns nothing by design, and the non-commercial clause "
      "means research adoption never becomes a sales pipeline.",
      "Nothing links the free research licence to paid usage: no route from a fine-tuned "
      "research model to a commercial deployment, so anyone who graduates starts over at "
      "the public API price list. Until research use feeds a paid tier, this is publicity "
      "without unit economics.",
      "The logic is defensive — spend goodwill to look open without eating into API "
      "revenue. But nothing here makes it stickier than downloading Llama instead.",
    },
  },
  {
    "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c27", REVIEWER_BUYER, TOOL_MISTRAL, VD_VERDICT_SHIP,
    {
      "An engineering lead or CTO spending an infrastructure or AI budget, choosing which "
      "inference provider should carry production traffic.",
      "Per-token billing is straightforward: spend follows usage and value, and the "
      "discount against frontier models makes high-volume unit economics work.",
      "The defence rests on European regulatory standing and open-weight credibility rather "
      "than unique technology, so another deep OpenAI price cut would blunt the cost case. "
      "What remains is data sovereignty for regulated European firms that can’t send data "
      "to US cloud giants — a defensible niche if not a monopoly, and enough to ship.",
    },
  },
};

/* Writes @record with the demo's fixed timestamps. */
static gboolean
put_record (VdStore   *store,
            gpointer   record,
            GError   **error)
{
  vd_record_set_created (VD_RECORD (record), DEMO_TIMESTAMP);
  vd_record_set_updated (VD_RECORD (record), DEMO_TIMESTAMP);

  return vd_store_put (store, VD_RECORD (record), error);
}

static gboolean
put_tools (VdStore  *store,
           GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_tools); i++)
    {
      const DemoTool *entry = &demo_tools[i];
      g_autoptr(VdTool) tool = g_object_new (VD_TYPE_TOOL, "uuid", entry->uuid, NULL);

      vd_tool_set_name (tool, entry->name);
      vd_tool_set_vendor (tool, entry->vendor);
      vd_tool_set_category (tool, entry->category);
      vd_tool_set_tagline (tool, entry->tagline);
      vd_tool_set_description (tool, entry->description);
      vd_tool_set_pricing (tool, entry->pricing);
      vd_tool_set_pricing_detail (tool, entry->pricing_detail);
      vd_tool_set_website (tool, entry->website);
      vd_tool_set_license (tool, entry->license);

      if (!put_record (store, tool, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
put_reviewers (VdStore  *store,
               GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_reviewers); i++)
    {
      const DemoReviewer *entry = &demo_reviewers[i];
      g_autoptr(VdReviewer) reviewer = g_object_new (VD_TYPE_REVIEWER, "uuid", entry->uuid, NULL);

      vd_reviewer_set_name (reviewer, entry->name);
      vd_reviewer_set_persona (reviewer, entry->persona);

      if (!put_record (store, reviewer, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
put_comparison (VdStore  *store,
                GError  **error)
{
  g_autoptr(VdComparison) comparison = g_object_new (VD_TYPE_COMPARISON,
                                                     "uuid", DEMO_COMPARISON_UUID,
                                                     NULL);
  const char *panel[N_REVIEWERS + 1];

  for (guint i = 0; i < N_REVIEWERS; i++)
    panel[i] = demo_reviewers[i].uuid;
  panel[N_REVIEWERS] = NULL;

  vd_comparison_set_slug (comparison, "claude-haiku-open-weights-vs-mistral-medium-3");
  vd_comparison_set_title (comparison, "Claude Haiku Open Weights vs Mistral Medium 3");
  vd_comparison_set_dek (comparison,
                         "Which of the two belongs in your stack? The panel’s verdicts side by "
                         "side, the pricing read, where the reviewers split and how the "
                         "community voted.");
  vd_comparison_set_tool_a (comparison, demo_tools[TOOL_HAIKU].uuid);
  vd_comparison_set_tool_b (comparison, demo_tools[TOOL_MISTRAL].uuid);
  vd_comparison_set_pricing_read (comparison,
                                  "Haiku’s weights cost nothing to download but may only be "
                                  "used for research and non-commercial work; Mistral Medium 3 "
                                  "is billed per token and cleared for production from the "
                                  "first call.");
  vd_comparison_set_publish_date (comparison, "2026-11-20");
  vd_comparison_set_status (comparison, VD_STATUS_PUBLISHED);
  vd_comparison_set_panel (comparison, panel);

  return put_record (store, comparison, error);
}

static gboolean
put_scorecards (VdStore  *store,
                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_scorecards); i++)
    {
      const DemoScorecard *entry = &demo_scorecards[i];
      g_autoptr(VdScorecard) scorecard =
        g_object_new (VD_TYPE_SCORECARD,
                      "uuid", entry->uuid,
                      "comparison", DEMO_COMPARISON_UUID,
                      "tool", demo_tools[entry->tool].uuid,
                      "reviewer", demo_reviewers[entry->reviewer].uuid,
                      NULL);

      vd_scorecard_set_verdict (scorecard, entry->verdict);
      vd_scorecard_set_sections (scorecard, entry->sections);

      if (!put_record (store, scorecard, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * vd_demo_populate:
 *
 * Writes the sample comparison “Claude Haiku Open Weights vs Mistral Medium 3”
 * — its two tools, four-reviewer panel and eight scorecards — in one
 * transaction. Running it again rewrites the same records.
 *
 * Returns: %FALSE, with nothing written, if any record was refused
 */
gboolean
vd_demo_populate (VdStore  *store,
                  GError  **error)
{
  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vd_store_begin (store, error))
    return FALSE;

  /* The store checks references, so referenced records go first. */
  if (!put_tools (store, error) ||
      !put_reviewers (store, error) ||
      !put_comparison (store, error) ||
      !put_scorecards (store, error))
    {
      vd_store_rollback (store);
      return FALSE;
    }

  return vd_store_commit (store, error);
}
