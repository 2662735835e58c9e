/* SPDX-License-Identifier: EUPL-1.2 */
#include <glib.h>

#include "hallway-abstract-policy.h"

#define OPEN HALLWAY_NAVIGATION_OPEN_EXTERNALLY
#define IGNORE HALLWAY_NAVIGATION_IGNORE
#define ALLOW HALLWAY_NAVIGATION_ALLOW

static void
test_clicked_web_and_mail_links_open_outside (void)
{
  const char *uris[] = {
    "https://example.org/talk",
    "http://example.org/",
    "HTTPS://EXAMPLE.ORG/Upper",
    "https://user@example.org:8443/path?q=1#frag",
    "mailto:speaker@example.org",
    "mailto:speaker@example.org?subject=Your%20talk",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_test_message ("%s", uris[i]);
      g_assert_cmpint (hallway_abstract_policy_decide (uris[i], TRUE, FALSE), ==, OPEN);
      g_assert_true (hallway_abstract_policy_is_external_link (uris[i]));
    }
}

static void
test_clicked_other_links_are_ignored (void)
{
  const char *uris[] = {
    "javascript:alert(1)",
    "JavaScript:document.title='ran'",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "about:blank",
    "about:config",
    "blob:https://example.org/0b8f",
    "ftp://example.org/file",
    "hallway-abstract:///",
    "hallway-abstract:///elsewhere",
    "relative/path",
    "/absolute/path",
    "//example.org/scheme-relative",
    "#fragment",
    "http:no-host",
    "https://",
    "mailto:",
    "",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_test_message ("%s", uris[i] != NULL ? uris[i] : "(null)");
      g_assert_cmpint (hallway_abstract_policy_decide (uris[i], TRUE, FALSE), ==, IGNORE);
      /* A click never loads anything in the view, even our own document. */
      g_assert_cmpint (hallway_abstract_policy_decide (uris[i], TRUE, TRUE), ==, IGNORE);
      g_assert_false (hallway_abstract_policy_is_external_link (uris[i]));
    }
}

static void
test_navigations_without_a_click_are_ignored (void)
{
  /* Redirects, refreshes, forms, scripts, frames: nothing the person asked for. */
  const char *uris[] = {
    "https://example.org/",
    "http://127.0.0.1:8080/track",
    "mailto:speaker@example.org",
    "javascript:void(0)",
    "data:text/html,hi",
    "file:///",
    "about:blank",
    "hallway-abstract:///",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    g_assert_cmpint (hallway_abstract_policy_decide (uris[i], FALSE, FALSE), ==, IGNORE);
}

static void
test_our_document_loads (void)
{
  g_assert_cmpint (hallway_abstract_policy_decide (HALLWAY_ABSTRACT_BASE_URI, FALSE, TRUE), ==,
                   ALLOW);
  /* Only at our base URI: a load we started never lets another address in. */
  g_assert_cmpint (hallway_abstract_policy_decide ("hallway-abstract:///other", FALSE, TRUE), ==,
                   IGNORE);
  g_assert_cmpint (hallway_abstract_policy_decide ("https://example.org/", FALSE, TRUE), ==,
                   IGNORE);
  g_assert_cmpint (hallway_abstract_policy_decide ("about:blank", FALSE, TRUE), ==, IGNORE);
  g_assert_cmpint (hallway_abstract_policy_decide (NULL, FALSE, TRUE), ==, IGNORE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/abstract-policy/clicked-web-and-mail-links-open-outside",
                   test_clicked_web_and_mail_links_open_outside);
  g_test_add_func ("/abstract-policy/clicked-other-links-are-ignored",
                   test_clicked_other_links_are_ignored);
  g_test_add_func ("/abstract-policy/navigations-without-a-click-are-ignored",
                   test_navigations_without_a_click_are_ignored);
  g_test_add_func ("/abstract-policy/our-document-loads", test_our_document_loads);
  return g_test_run ();
}
