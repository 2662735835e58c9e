/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-html-sanitizer"
#include "hallway-html-sanitizer.h"
/* STUB: to be written (issue 3). */
char *hallway_sanitize_html (const char *html) { return g_markup_escape_text (html ? html : "", -1); }
char *hallway_markdown_to_html (const char *markdown) { return g_markup_escape_text (markdown ? markdown : "", -1); }
char *hallway_html_to_plain_text (const char *html) { return g_strdup (html); }
