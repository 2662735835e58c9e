/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hallway_sanitize_html      (const char *html);
char *hallway_markdown_to_html   (const char *markdown);
char *hallway_html_to_plain_text (const char *html);

G_END_DECLS
