/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-rich-text"

#include "hallway-html-sanitizer.h"
#include "hallway-rich-text.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Keeps a copy of text; blank text counts as none. */
void
hallway_rich_text_set (HallwayRichText *self, const char *text, HallwayTextFormat format)
{
  g_return_if_fail (self != NULL);

  hallway_rich_text_clear (self);
  self->source = is_blank (text) ? NULL : g_strdup (text);
  self->format = format;
}

/* Sanitized HTML, or NULL when there is no text. Renders on the first call. */
const char *
hallway_rich_text_get_html (HallwayRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->html == NULL && self->source != NULL)
    self->html = self->format == HALLWAY_TEXT_MARKDOWN ? hallway_markdown_to_html (self->source)
                                                       : hallway_sanitize_html (self->source);
  return self->html;
}

/* Plain text made from the source in one parse, "" when there is no text. It never reads
 * or fills the lazy HTML, so any thread may call it (the search index is built in a
 * worker). */
char *
hallway_rich_text_dup_plain_text (const HallwayRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->source == NULL)
    return g_strdup ("");
  return self->format == HALLWAY_TEXT_MARKDOWN ? hallway_markdown_to_plain_text (self->source)
                                               : hallway_html_source_to_plain_text (self->source);
}

const char *
hallway_rich_text_get_source (const HallwayRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

void
hallway_rich_text_clear (HallwayRichText *self)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->html, g_free);
}

/* Schedules rarely say which they hold: text that opens with a tag is HTML, the rest is
 * read as Markdown (which leaves plain text as paragraphs). */
HallwayTextFormat
hallway_rich_text_guess_format (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text == '<' ? HALLWAY_TEXT_HTML : HALLWAY_TEXT_MARKDOWN;
}
