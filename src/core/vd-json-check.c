/* vd-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib is a lenient reader: it keeps the last of two equal keys, cuts a
 * string at "\u0000", takes raw control characters and reads past the end of
 * one document into another. What it reads is then not what the website or
 * a schema validator reads, so the text is held to RFC 8259 first, by a
 * reader of our own that builds nothing. It recurses, but never deeper than
 * the bound it is given.
 */
#include "config.h"

#include <string.h>

#include "vd-error.h"
#include "vd-json-check.h"

typedef struct
{
  gboolean    object;
  guint       index;     /* an array's element */
  char       *key;       /* an object's member, decoded */
  GHashTable *keys;      /* an object's members so far */
} Frame;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       max_depth;
  guint       depth;
  Frame      *frames;
  GString    *scratch;
  GError    **error;
} Checker;

/**
 * vd_json_dup_printable:
 *
 * Returns: @text with its control characters written as \uXXXX escapes,
 *   for a message that quotes a document: one line, and nothing a terminal
 *   would act on. The rest of UTF-8 is kept as it is.
 */
char *
vd_json_dup_printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar b = (guchar) *p;

      if (b < 0x20 || b == 0x7f)
        g_string_append_printf (out, "\\u%04x", b);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The path of the value being read: "comparisons[0].tools[1].name". */
static char *
dup_path (Checker *c)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < c->depth; i++)
    {
      Frame *frame = &c->frames[i];

      if (!frame->object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          g_autofree char *key = vd_json_dup_printable (frame->key);

          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
        }
    }

  if (path->len == 0)
    g_string_append (path, "document");

  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Checker     *c,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *path = dup_path (c);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (c->error, VD_IMPORT_ERROR, code, "%s%s: %s (at byte %" G_GSIZE_FORMAT ")",
               code == VD_IMPORT_ERROR_PARSE ? "The document is not valid JSON: " : "",
               path, problem, c->pos);
  return FALSE;
}

static void
skip_space (Checker *c)
{
  while (c->pos < c->len)
    {
      char b = c->data[c->pos];

      if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
        break;
      c->pos++;
    }
}

static int
hex_value (char b)
{
  if (b >= '0' && b <= '9')
    return b - '0';
  if (b >= 'a' && b <= 'f')
    return b - 'a' + 10;
  if (b >= 'A' && b <= 'F')
    return b - 'A' + 10;
  return -1;
}

/* Reads the four digits of a "\u" escape at c->pos. */
static gboolean
read_hex4 (Checker  *c,
           gunichar *code)
{
  *code = 0;
  if (c->len - c->pos < 4)
    return fail (c, VD_IMPORT_ERROR_PARSE, "a \\u escape needs four hex digits");

  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value (c->data[c->pos + i]);

      if (v < 0)
        return fail (c, VD_IMPORT_ERROR_PARSE, "a \\u escape needs four hex digits");
      *code = *code * 16 + v;
    }
  c->pos += 4;
  return TRUE;
}

/* Reads the string at c->pos (its opening quote), into @decoded if given.
 * Refuses what cannot be stored as it is written: U+0000, half a surrogate
 * pair, bytes that are not UTF-8. */
static gboolean
read_string (Checker *c,
             GString *decoded)
{
  c->pos++;

  for (;;)
    {
      gsize run = c->pos;
      guchar b;

      while (c->pos < c->len)
        {
          b = (guchar) c->data[c->pos];
          if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80)
            break;
          c->pos++;
        }
      if (decoded != NULL)
        g_string_append_len (decoded, c->data + run, c->pos - run);

      if (c->pos >= c->len)
        return fail (c, VD_IMPORT_ERROR_PARSE, "the text has no closing quote");

      b = (guchar) c->data[c->pos];
      if (b == '"')
        {
          c->pos++;
          return TRUE;
        }
      else if (b < 0x20)
        {
          if (b == 0)
            return fail (c, VD_IMPORT_ERROR_PARSE,
                         "the text contains a NUL byte, which cannot be stored");
          return fail (c, VD_IMPORT_ERROR_PARSE,
                       "the control character U+%04X must be written as an escape", b);
        }
      else if (b >= 0x80)
        {
          gunichar ch = g_utf8_get_char_validated (c->data + c->pos,
                                                   MIN (c->len - c->pos, 6));

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            return fail (c, VD_IMPORT_ERROR_PARSE, "the text is not valid UTF-8");
          run = c->pos;
          c->pos = g_utf8_next_char (c->data + c->pos) - c->data;
          if (decoded != NULL)
            g_string_append_len (decoded, c->data + run, c->pos - run);
        }
      else
        {
          gunichar code;
          char e;

          if (++c->pos >= c->len)
            return fail (c, VD_IMPORT_ERROR_PARSE, "the text has no closing quote");

          e = c->data[c->pos++];
          switch (e)
            {
            case '"': code = '"'; break;
            case '\\': code = '\\'; break;
            case '/': code = '/'; break;
            case 'b': code = '\b'; break;
            case 'f': code = '\f'; break;
            case 'n': code = '\n'; break;
            case 'r': code = '\r'; break;
            case 't': code = '\t'; break;
            case 'u':
              if (!read_hex4 (c, &code))
                return FALSE;
              if (code == 0)
                return fail (c, VD_IMPORT_ERROR_PARSE,
                             "the text contains U+0000 (NUL), which cannot be stored");
              if (code >= 0xdc00 && code <= 0xdfff)
                return fail (c, VD_IMPORT_ERROR_PARSE,
                             "the text contains half a surrogate pair (U+%04X)", code);
              if (code >= 0xd800 && code <= 0xdbff)
                {
                  gunichar low;

                  if (c->len - c->pos < 2 || c->data[c->pos] != '\\' ||
                      c->data[c->pos + 1] != 'u')
                    return fail (c, VD_IMPORT_ERROR_PARSE,
                                 "the text contains half a surrogate pair (U+%04X)", code);
                  c->pos += 2;
                  if (!read_hex4 (c, &low))
                    return FALSE;
                  if (low < 0xdc00 || low > 0xdfff)
                    return fail (c, VD_IMPORT_ERROR_PARSE,
                                 "the text contains half a surrogate pair (U+%04X)", code);
                  code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                }
              break;
            default:
              c->pos--;
              return fail (c, VD_IMPORT_ERROR_PARSE, "“\\%c” is not a JSON escape",
                           g_ascii_isprint (e) ? e : '?');
            }

          if (decoded != NULL)
            g_string_append_unichar (decoded, code);
        }
    }
}

static gboolean
read_digits (Checker *c)
{
  gsize start = c->pos;

  while (c->pos < c->len && g_ascii_isdigit (c->data[c->pos]))
    c->pos++;

  return c->pos > start || fail (c, VD_IMPORT_ERROR_PARSE, "expected a digit");
}

static gboolean
read_number (Checker *c)
{
  if (c->data[c->pos] == '-')
    c->pos++;

  if (c->pos < c->len && c->data[c->pos] == '0')
    c->pos++;
  else if (!read_digits (c))
    return FALSE;

  if (c->pos < c->len && c->data[c->pos] == '.')
    {
      c->pos++;
      if (!read_digits (c))
        return FALSE;
    }

  if (c->pos < c->len && (c->data[c->pos] == 'e' || c->data[c->pos] == 'E'))
    {
      c->pos++;
      if (c->pos < c->len && (c->data[c->pos] == '+' || c->data[c->pos] == '-'))
        c->pos++;
      if (!read_digits (c))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_literal (Checker    *c,
              const char *word)
{
  gsize n = strlen (word);

  if (c->len - c->pos < n || memcmp (c->data + c->pos, word, n) != 0)
    return fail (c, VD_IMPORT_ERROR_PARSE, "expected a value");

  c->pos += n;
  return TRUE;
}

static gboolean read_value (Checker *c);

static gboolean
push (Checker  *c,
      gboolean  object)
{
  Frame *frame;

  if (c->depth >= c->max_depth)
    return fail (c, VD_IMPORT_ERROR_TOO_DEEP, "nests deeper than %u levels", c->max_depth);

  frame = &c->frames[c->depth++];
  frame->object = object;
  frame->index = 0;
  frame->key = NULL;
  frame->keys = object ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
  c->pos++;
  return TRUE;
}

static void
pop (Checker *c)
{
  Frame *frame = &c->frames[--c->depth];

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  frame->key = NULL;
}

/* Right after the opening bracket: an empty object or list ends here. */
static gboolean
closes_at_once (Checker *c,
                char     close)
{
  skip_space (c);
  if (c->pos >= c->len || c->data[c->pos] != close)
    return FALSE;

  c->pos++;
  pop (c);
  return TRUE;
}

/* After an element: "," and more, or the closing bracket. */
static gboolean
read_separator (Checker  *c,
                char      close,
                gboolean *more)
{
  skip_space (c);
  if (c->pos < c->len && c->data[c->pos] == ',')
    {
      c->pos++;
      *more = TRUE;
      return TRUE;
    }
  if (c->pos < c->len && c->data[c->pos] == close)
    {
      c->pos++;
      *more = FALSE;
      return TRUE;
    }

  return fail (c, VD_IMPORT_ERROR_PARSE, "expected “,” or “%c”", close);
}

static gboolean
read_object (Checker *c)
{
  Frame *frame;
  gboolean more = TRUE;

  if (!push (c, TRUE))
    return FALSE;
  frame = &c->frames[c->depth - 1];

  if (closes_at_once (c, '}'))
    return TRUE;

  while (more)
    {
      skip_space (c);
      if (c->pos >= c->len || c->data[c->pos] != '"')
        return fail (c, VD_IMPORT_ERROR_PARSE, "expected a member name in quotes");

      g_string_truncate (c->scratch, 0);
      frame->key = NULL;
      if (!read_string (c, c->scratch))
        return FALSE;

      if (g_hash_table_lookup_extended (frame->keys, c->scratch->str,
                                        (gpointer *) &frame->key, NULL))
        return fail (c, VD_IMPORT_ERROR_INVALID, "the member appears twice in its object");
      frame->key = g_strdup (c->scratch->str);
      g_hash_table_add (frame->keys, frame->key);

      skip_space (c);
      if (c->pos >= c->len || c->data[c->pos] != ':')
        return fail (c, VD_IMPORT_ERROR_PARSE, "expected “:” after the member name");
      c->pos++;

      if (!read_value (c) || !read_separator (c, '}', &more))
        return FALSE;
    }

  pop (c);
  return TRUE;
}

static gboolean
read_array (Checker *c)
{
  Frame *frame;
  gboolean more = TRUE;

  if (!push (c, FALSE))
    return FALSE;
  frame = &c->frames[c->depth - 1];

  if (closes_at_once (c, ']'))
    return TRUE;

  for (; more; frame->index++)
    if (!read_value (c) || !read_separator (c, ']', &more))
      return FALSE;

  pop (c);
  return TRUE;
}

static gboolean
read_value (Checker *c)
{
  skip_space (c);
  if (c->pos >= c->len)
    return fail (c, VD_IMPORT_ERROR_PARSE, "the document ends where a value should be");

  switch (c->data[c->pos])
    {
    case '{':
      return read_object (c);
    case '[':
      return read_array (c);
    case '"':
      return read_string (c, NULL);
    case 't':
      return read_literal (c, "true");
    case 'f':
      return read_literal (c, "false");
    case 'n':
      return read_literal (c, "null");
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (c);
    default:
      return fail (c, VD_IMPORT_ERROR_PARSE, "expected a value");
    }
}

/**
 * vd_json_check:
 * @max_depth: how deep objects and lists may nest
 *
 * Checks that @data is exactly one JSON document (RFC 8259) in UTF-8 that
 * every reader reads the same way: no member twice in an object, no U+0000
 * and no half surrogate pair in text, nothing after the document.
 *
 * Returns: %FALSE with a %VD_IMPORT_ERROR naming the path and the byte
 */
gboolean
vd_json_check (const char  *data,
               gsize        len,
               guint        max_depth,
               GError     **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree Frame *frames = g_new0 (Frame, max_depth);
  Checker c = { data, len, 0, max_depth, 0, frames, scratch, error };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return fail (&c, VD_IMPORT_ERROR_PARSE, "the document starts with a byte order mark");

  ok = read_value (&c);
  if (ok)
    {
      skip_space (&c);
      if (c.pos < len)
        ok = fail (&c, VD_IMPORT_ERROR_PARSE, "there is more after the end of the document");
    }

  while (c.depth > 0)
    pop (&c);

  return ok;
}

char *
vd_json_check_describe_key (const char *key)
{
  g_autoptr(GString) text = g_string_new ("“");
  gboolean plain = key[0] != '\0';
  glong n = g_utf8_strlen (key, -1);
  const char *p = key;

  for (const char *c = key; *c != '\0' && plain; c++)
    plain = g_ascii_isalnum (*c) || *c == '_';
  if (plain && n <= 64)
    return g_strdup (key);

  /* Character by character (the document was valid UTF-8), control
   * characters written as JSON would escape them. */
  for (glong i = 0; i < MIN (n, 64); i++, p = g_utf8_next_char (p))
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        g_string_append (text, "\\n");
      else if (c == '\t')
        g_string_append (text, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (text, "\\u%04x", c);
      else
        g_string_append_len (text, p, g_utf8_next_char (p) - p);
    }
  g_string_append (text, n > 64 ? "…”" : "”");
  return g_string_free (g_steal_pointer (&text), FALSE);
}
