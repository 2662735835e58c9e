/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The base URI of every abstract document: a scheme of our own, so the one navigation we
 * allow (our own load_html) can never be confused with anything a page asks for. */
#define HALLWAY_ABSTRACT_BASE_URI "hallway-abstract:///"

typedef enum
{
  HALLWAY_NAVIGATION_IGNORE,
  HALLWAY_NAVIGATION_ALLOW,
  HALLWAY_NAVIGATION_OPEN_EXTERNALLY,
} HallwayNavigationDecision;

gboolean                  hallway_abstract_policy_is_external_link (const char *uri);
HallwayNavigationDecision hallway_abstract_policy_decide           (const char *uri,
                                                                    gboolean    user_clicked_link,
                                                                    gboolean    is_our_document);

G_END_DECLS
