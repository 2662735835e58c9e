/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HALLWAY_TEXT_HTML,      /* untrusted HTML: goes through the sanitizer */
  HALLWAY_TEXT_MARKDOWN,  /* Markdown, maybe with inline HTML: rendered, then sanitized */
} HallwayTextFormat;

/* An abstract, a description or a biography as the schedule wrote it, turned into
 * sanitized HTML the first time someone reads it. Reading a schedule then costs no HTML
 * parsing at all (FOSDEM 2026 has 2000 such texts; a person reads a few). The source never
 * changes once set, so another thread may compare sources (schedule diffs do) while the
 * main thread renders. */
typedef struct
{
  char *source;
  char *html;
  HallwayTextFormat format;
} HallwayRichText;

void              hallway_rich_text_set          (HallwayRichText   *self,
                                                  const char        *text,
                                                  HallwayTextFormat  format);
const char       *hallway_rich_text_get_html     (HallwayRichText   *self);
const char       *hallway_rich_text_get_source   (const HallwayRichText *self);
char             *hallway_rich_text_dup_plain_text (const HallwayRichText *self);
void              hallway_rich_text_clear        (HallwayRichText   *self);
HallwayTextFormat hallway_rich_text_guess_format (const char        *text);

G_END_DECLS
