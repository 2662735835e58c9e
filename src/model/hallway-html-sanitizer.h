/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hallway_sanitize_html      (const char *html);
char *hallway_markdown_to_html   (const char *markdown);
char *hallway_html_to_plain_text (const char *html);
char *hallway_html_source_to_plain_text (const char *html);
char *hallway_markdown_to_plain_text (const char *markdown);

/* What the abstract view shows at most of a talk's abstract and description, in bytes of
 * sanitized HTML: the longest real abstracts are about 30 KB, and WebKit lays out 64 KB of
 * one word in a quarter of a second (a megabyte took it 17 s). */
#define HALLWAY_ABSTRACT_MAX_BYTES (64 * 1024)

char *hallway_html_truncate      (const char *html,
                                  gsize       max_bytes,
                                  gboolean   *truncated);
char *hallway_abstract_html      (const char *abstract,
                                  const char *description,
                                  const char *web_page);

G_END_DECLS
