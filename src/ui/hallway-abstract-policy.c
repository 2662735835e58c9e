/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-abstract-policy"

#include "hallway-abstract-policy.h"

/* What an abstract's web view may do, kept free of WebKit so it can be tested alone. */

/* An absolute http or https URI with a host, or a mailto URI: what we hand to the
 * desktop's browser or mail client. Anything else (javascript:, data:, file:, relative
 * references, our own scheme) stays unopened. */
gboolean
hallway_abstract_policy_is_external_link (const char *uri)
{
  g_autoptr (GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL)
    return FALSE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return *g_uri_get_path (parsed) != '\0';
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;
  host = g_uri_get_host (parsed);
  return host != NULL && *host != '\0';
}

/* @uri: where the navigation goes; @user_clicked_link: the person activated a link (not a
 * script, a redirect, a form or a refresh); @is_our_document: the caller is loading this
 * document itself with load_html. */
HallwayNavigationDecision
hallway_abstract_policy_decide (const char *uri,
                                gboolean    user_clicked_link,
                                gboolean    is_our_document)
{
  if (user_clicked_link)
    return hallway_abstract_policy_is_external_link (uri) ? HALLWAY_NAVIGATION_OPEN_EXTERNALLY
                                                          : HALLWAY_NAVIGATION_IGNORE;
  if (is_our_document && g_strcmp0 (uri, HALLWAY_ABSTRACT_BASE_URI) == 0)
    return HALLWAY_NAVIGATION_ALLOW;
  return HALLWAY_NAVIGATION_IGNORE;
}
