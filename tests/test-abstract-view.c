/* SPDX-License-Identifier: EUPL-1.2 */
#include <locale.h>
#include <malloc.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "hallway-abstract-policy.h"
#include "hallway-abstract-view-private.h"
#include "hallway-html-sanitizer.h"
#include "hallway-resources.h"
#include "hallway-rich-text.h"
#include "hallway-test-utils.h"

/* HallwayAbstractView in a real window on a virtual X display (tests/meson.build runs this
 * under xvfb-run), against a loopback web server that counts every request it gets. */

#define TIMEOUT_S 30
#define SETTLE_MS 1000
#define TEST_WORLD "hallway-test"

#define SPIN_UNTIL(condition, what)                                                       \
  G_STMT_START                                                                            \
  {                                                                                       \
    gint64 deadline_ = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;              \
    while (!(condition))                                                                  \
      {                                                                                   \
        if (g_get_monotonic_time () > deadline_)                                          \
          g_error ("timed out waiting for %s", what);                                     \
        g_main_context_iteration (NULL, TRUE);                                            \
      }                                                                                   \
  }                                                                                       \
  G_STMT_END

static void
spin_for (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * (gint64) 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Keeps g_main_context_iteration (…, TRUE) from sleeping past a deadline. */
static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* ---- a loopback server on its own thread and main context ------------------------- */

typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GMutex lock;
  GCond started;
  guint port;
  int connections; /* new connections: a preconnect opens one and asks nothing */
  int requests;
} LoopbackServer;

static void
request_started_cb (SoupServer *server, SoupServerMessage *message, LoopbackServer *loopback)
{
  g_printerr ("# the loopback server got a connection\n");
  g_atomic_int_inc (&loopback->connections);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  LoopbackServer *loopback = user_data;

  g_printerr ("# the loopback server was asked for %s\n", path);
  g_atomic_int_inc (&loopback->requests);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static gpointer
serve (gpointer data)
{
  LoopbackServer *loopback = data;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (loopback->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handle_cb, loopback, NULL);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), loopback);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_mutex_lock (&loopback->lock);
  loopback->port = g_uri_get_port (uris->data);
  g_cond_signal (&loopback->started);
  g_mutex_unlock (&loopback->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (loopback->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (loopback->context);
  return NULL;
}

static LoopbackServer *
loopback_server_start (void)
{
  LoopbackServer *loopback = g_new0 (LoopbackServer, 1);

  g_mutex_init (&loopback->lock);
  g_cond_init (&loopback->started);
  loopback->context = g_main_context_new ();
  loopback->loop = g_main_loop_new (loopback->context, FALSE);
  g_mutex_lock (&loopback->lock);
  loopback->thread = g_thread_new ("loopback-server", serve, loopback);
  while (loopback->port == 0)
    g_cond_wait (&loopback->started, &loopback->lock);
  g_mutex_unlock (&loopback->lock);
  return loopback;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
loopback_server_stop (LoopbackServer *loopback)
{
  g_main_context_invoke (loopback->context, quit_loop, loopback->loop);
  g_thread_join (loopback->thread);
  g_main_loop_unref (loopback->loop);
  g_main_context_unref (loopback->context);
  g_mutex_clear (&loopback->lock);
  g_cond_clear (&loopback->started);
  g_free (loopback);
}

/* ---- a window with the view, as on a talk page ------------------------------------- */

typedef struct
{
  GtkWindow *window;
  HallwayAbstractView *view;
  WebKitWebView *web_view;
  guint loads_finished;
  guint renders;
  GPtrArray *links;
} Fixture;

static void
rendered_cb (HallwayAbstractView *view, Fixture *fixture)
{
  fixture->renders++;
}

static void
load_changed_cb (WebKitWebView *web_view, WebKitLoadEvent talk, Fixture *fixture)
{
  if (talk == WEBKIT_LOAD_FINISHED)
    fixture->loads_finished++;
}

/* Records the link instead of starting a browser. */
static gboolean
activate_link_cb (HallwayAbstractView *view, const char *uri, Fixture *fixture)
{
  g_ptr_array_add (fixture->links, g_strdup (uri));
  return TRUE;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = HALLWAY_ABSTRACT_VIEW (hallway_abstract_view_new ());
  fixture->links = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_default_size (fixture->window, 480, 640);
  gtk_box_append (GTK_BOX (page), gtk_label_new ("A talk"));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (fixture->view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  gtk_window_set_child (fixture->window, scrolled);
  g_signal_connect (fixture->view, "activate-link", G_CALLBACK (activate_link_cb), fixture);
  g_signal_connect (fixture->view, "rendered", G_CALLBACK (rendered_cb), fixture);

  gtk_window_present (fixture->window);
  SPIN_UNTIL (hallway_abstract_view_get_web_view_for_testing (fixture->view) != NULL,
              "the web view of the shown view");
  fixture->web_view =
    WEBKIT_WEB_VIEW (hallway_abstract_view_get_web_view_for_testing (fixture->view));
  g_signal_connect (fixture->web_view, "load-changed", G_CALLBACK (load_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (fixture->web_view, fixture);
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->links);
  spin_for (50);
}

/* Shown: loaded (the first time) or swapped in (later), and measured. */
static void
show_html (Fixture *fixture, const char *html)
{
  guint before = fixture->renders;

  hallway_abstract_view_set_html (fixture->view, html);
  SPIN_UNTIL (fixture->renders > before, "the document to be shown");
}

static int
wait_for_new_height (Fixture *fixture, int previous)
{
  SPIN_UNTIL (hallway_abstract_view_get_content_height (fixture->view) != previous
              && hallway_abstract_view_get_content_height (fixture->view) > 0,
              "the view to measure its content");
  return hallway_abstract_view_get_content_height (fixture->view);
}

typedef struct
{
  gboolean done;
  char *result;
  GError *error;
} ScriptRun;

static void
script_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ScriptRun *run = data;
  g_autoptr (JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result,
                                                      &run->error);
  if (value != NULL)
    run->result = jsc_value_to_string (value);
  run->done = TRUE;
}

/* Runs a script as the app (an isolated world, like the view's own measuring). */
static char *
run_script (Fixture *fixture, const char *script)
{
  ScriptRun run = { 0 };

  webkit_web_view_evaluate_javascript (fixture->web_view, script, -1, TEST_WORLD, NULL, NULL,
                                       script_done_cb, &run);
  SPIN_UNTIL (run.done, "a script");
  g_assert_no_error (run.error);
  return run.result;
}

/* ---- the tests ---------------------------------------------------------------------- */

/* Every way a page can reach the network or run a script, none of which the sanitizer
 * lets through: the view must hold them all off on its own. */
static char *
hostile_html (guint port)
{
  return g_strdup_printf (
    "<p>Before</p>"
    "<img src=\"http://127.0.0.1:%1$u/img.png\">"
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1$u/style.css\">"
    "<link rel=\"preload\" as=\"image\" href=\"http://127.0.0.1:%1$u/preload.png\">"
    "<link rel=\"prefetch\" href=\"http://127.0.0.1:%1$u/prefetch\">"
    "<link rel=\"preconnect\" href=\"http://127.0.0.1:%1$u/\">"
    "<link rel=\"dns-prefetch\" href=\"http://127.0.0.1:%1$u/\">"
    "<link rel=\"icon\" href=\"http://127.0.0.1:%1$u/favicon.ico\">"
    "<style>@import url(\"http://127.0.0.1:%1$u/import.css\");"
    " p { background-image: url(\"http://127.0.0.1:%1$u/background.png\"); }"
    " @font-face { font-family: x; src: url(\"http://127.0.0.1:%1$u/font.woff\"); }"
    " body { font-family: x; }</style>"
    "<p style=\"background-image: url('http://127.0.0.1:%1$u/inline.png')\">styled</p>"
    "<script>document.title = 'ran';</script>"
    "<script src=\"http://127.0.0.1:%1$u/script.js\"></script>"
    "<img src=\"x\" onerror=\"document.title = 'ran'\">"
    "<svg onload=\"document.title = 'ran'\"></svg>"
    "<iframe src=\"http://127.0.0.1:%1$u/frame.html\"></iframe>"
    "<iframe srcdoc=\"&lt;script&gt;parent.document.title = 'ran'&lt;/script&gt;\"></iframe>"
    "<object data=\"http://127.0.0.1:%1$u/object\"></object>"
    "<embed src=\"http://127.0.0.1:%1$u/embed\">"
    "<video src=\"http://127.0.0.1:%1$u/video.webm\" autoplay></video>"
    "<audio src=\"http://127.0.0.1:%1$u/audio.ogg\" autoplay></audio>"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">"
    "<a href=\"http://127.0.0.1:%1$u/link\" ping=\"http://127.0.0.1:%1$u/ping\">a link</a>"
    "<a href=\"javascript:document.title = 'ran'\">a script link</a>"
    "<p>After</p>",
    port);
}

static void
test_hostile_document_stays_inert (Fixture *fixture, gconstpointer data)
{
  LoopbackServer *loopback = loopback_server_start ();
  g_autofree char *html = hostile_html (loopback->port);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *probe_uri = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) probe = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;

  /* Through both ways in: a document loaded, then a body swapped into it. */
  show_html (fixture, html);
  show_html (fixture, "<p>Another talk.</p>");
  show_html (fixture, html);
  spin_for (SETTLE_MS);

  g_assert_cmpint (g_atomic_int_get (&loopback->connections), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&loopback->requests), ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, HALLWAY_ABSTRACT_BASE_URI);
  g_assert_cmpstr (webkit_web_view_get_title (fixture->web_view), !=, "ran");
  /* The document did load: this is no empty page that merely ran nothing. */
  text = run_script (fixture, "document.body.innerText");
  g_assert_nonnull (strstr (text, "Before"));
  g_assert_nonnull (strstr (text, "After"));
  title = run_script (fixture, "document.title");
  g_assert_cmpstr (title, ==, "");
  g_assert_cmpuint (fixture->links->len, ==, 0);

  /* The controls: a script of the app's own does change the title this test reads, and
   * the server does count a request that reaches it. */
  g_free (run_script (fixture, "document.title = 'app'"));
  SPIN_UNTIL (g_strcmp0 (webkit_web_view_get_title (fixture->web_view), "app") == 0,
              "the app's script to set the title");
  session = soup_session_new ();
  probe_uri = g_strdup_printf ("http://127.0.0.1:%u/probe", loopback->port);
  probe = soup_message_new ("GET", probe_uri);
  answer = soup_session_send_and_read (session, probe, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&loopback->connections), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&loopback->requests), ==, 1);

  loopback_server_stop (loopback);
}

/* A link activated as by a person (evaluate_javascript runs with a user gesture): web and
 * mail links go to activate-link, everything else nowhere, and the view stays put. */
static void
test_links_open_outside (Fixture *fixture, gconstpointer data)
{
  LoopbackServer *loopback = loopback_server_start ();
  g_autofree char *html = NULL;

  html = g_strdup_printf ("<p><a id=\"web\" href=\"http://127.0.0.1:%1$u/talk\">web</a>"
                          " <a id=\"mail\" href=\"mailto:speaker@example.org\">mail</a>"
                          " <a id=\"file\" href=\"file:///etc/passwd\">file</a>"
                          " <a id=\"data\" href=\"data:text/html,hi\">data</a>"
                          " <a id=\"own\" href=\"hallway-abstract:///elsewhere\">own</a></p>",
                          loopback->port);
  show_html (fixture, html);

  g_free (run_script (fixture, "document.getElementById ('file').click ();"
                               "document.getElementById ('data').click ();"
                               "document.getElementById ('own').click ();"
                               "document.getElementById ('web').click ();"
                               "document.getElementById ('mail').click ();"));
  SPIN_UNTIL (fixture->links->len >= 2, "the links to be activated");
  spin_for (SETTLE_MS);

  g_assert_cmpuint (fixture->links->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->links, 0), "http://127.0.0.1:"));
  g_assert_cmpstr (g_ptr_array_index (fixture->links, 1), ==, "mailto:speaker@example.org");
  g_assert_cmpint (g_atomic_int_get (&loopback->connections), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&loopback->requests), ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, HALLWAY_ABSTRACT_BASE_URI);

  loopback_server_stop (loopback);
}

static void
test_height_follows_content (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GString) long_html = g_string_new (NULL);
  int short_height, long_height, narrow_height, wide_height;

  show_html (fixture, "<p>One short paragraph.</p>");
  short_height = wait_for_new_height (fixture, 0);
  /* The content's height, not the viewport's. */
  g_assert_cmpint (short_height, <, 100);

  for (guint i = 0; i < 30; i++)
    g_string_append (long_html, "<p>A paragraph of an abstract that goes on for a while, "
                                "so that it wraps at the width of the window.</p>");
  show_html (fixture, long_html->str);
  long_height = wait_for_new_height (fixture, short_height);
  g_assert_cmpint (long_height, >, 10 * short_height);
  /* The view takes that height; the page around it scrolls. */
  SPIN_UNTIL (gtk_widget_get_height (GTK_WIDGET (fixture->view)) == long_height,
              "the view to take its content's height");

  /* Narrower, the text wraps more and the view grows; wider, it shrinks back. */
  gtk_widget_set_halign (GTK_WIDGET (fixture->view), GTK_ALIGN_START);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->view), 200, -1);
  narrow_height = wait_for_new_height (fixture, long_height);
  g_assert_cmpint (narrow_height, >, long_height);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->view), 400, -1);
  wide_height = wait_for_new_height (fixture, narrow_height);
  g_assert_cmpint (wide_height, <, narrow_height);
}

static void
test_switching_reuses_the_web_view (Fixture *fixture, gconstpointer data)
{
  show_html (fixture, "<p>The first talk.</p>");
  show_html (fixture, "<p>The second talk.</p>");
  g_assert_true (hallway_abstract_view_get_web_view_for_testing (fixture->view)
                 == GTK_WIDGET (fixture->web_view));
  show_html (fixture, "<p>The third talk.</p>");
  g_assert_true (hallway_abstract_view_get_web_view_for_testing (fixture->view)
                 == GTK_WIDGET (fixture->web_view));
  g_assert_nonnull (strstr (hallway_abstract_view_get_document_for_testing (fixture->view),
                            "<body tabindex=\"0\"><p>The third talk.</p></body>"));
  /* Switching swapped the body in place: one page load in all, the third talk shown. */
  g_assert_cmpuint (fixture->loads_finished, ==, 1);
  {
    g_autofree char *text = run_script (fixture, "document.body.innerText");

    g_assert_cmpstr (g_strstrip (text), ==, "The third talk.");
  }
}

static void
test_follows_the_style (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *light = NULL;
  const char *dark;
  guint before;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_html (fixture, "<p>Text and <a href=\"https://example.org/\">a link</a>.</p>");
  light = g_strdup (hallway_abstract_view_get_document_for_testing (fixture->view));
  g_assert_nonnull (strstr (light, "color-scheme: light;"));
  g_assert_nonnull (strstr (light, "--hallway-fg: rgba(0,0,6,0.8);"));
  g_assert_nonnull (strstr (light, "--hallway-link: "));
  g_assert_nonnull (strstr (light, "--hallway-font-family: "));
  g_assert_nonnull (strstr (light, "background: transparent;"));

  /* Switching to dark builds and loads the document again, with light text. */
  before = fixture->loads_finished;
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  SPIN_UNTIL (fixture->loads_finished > before, "the dark document to load");
  dark = hallway_abstract_view_get_document_for_testing (fixture->view);
  g_assert_cmpstr (dark, !=, light);
  g_assert_nonnull (strstr (dark, "color-scheme: dark;"));
  g_assert_nonnull (strstr (dark, "--hallway-fg: rgb(255,255,255);"));
  g_assert_nonnull (strstr (dark, "<p>Text and <a href=\"https://example.org/\">a link</a>.</p>"));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The styles the page computes, as the reader gets them: text colour and size, a link's
 * underline, the outline of code, and the page's width in CSS pixels (WebKit zooms the
 * page for GTK's text scaling: the computed font size stays, the CSS pixel grows). */
static const char style_script[] =
  "const body = getComputedStyle (document.body);"
  "const link = getComputedStyle (document.querySelector ('a'));"
  "const code = getComputedStyle (document.querySelector ('code'));"
  "return [body.color, body.fontSize, link.textDecorationThickness, code.outlineStyle,"
  "        window.innerWidth].join (' | ');";

#define STYLED_HTML                                                                       \
  "<p>Text with <a href=\"https://example.org/\">a link</a> and <code>code</code>, long " \
  "enough to wrap on a few lines of the page at any size of its text.</p>"

static char *
computed_style (Fixture *fixture)
{
  g_autofree char *script = g_strdup_printf ("(function () { %s }) ()", style_script);

  return run_script (fixture, script);
}

/* High contrast (ADW_DEBUG_HIGH_CONTRAST=1 here, the settings portal in a session): text
 * at full strength, thicker link underlines, code outlined. The test runs itself again
 * with the variable, as the style manager reads it once. */
static void
test_follows_high_contrast (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *style = NULL;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_html (fixture, STYLED_HTML);
  style = computed_style (fixture);
  g_test_message ("computed style: %s", style);
  if (!g_test_subprocess ())
    {
      g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "ADW_DEBUG_HIGH_CONTRAST", "1",
                                              TRUE);

      g_assert_false (adw_style_manager_get_high_contrast (manager));
      g_assert_true (g_str_has_prefix (style, "rgba(0, 0, 6, 0.8) | "));
      g_assert_nonnull (strstr (style, " | auto | none | "));
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_INHERIT_STDOUT
                                          | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  g_assert_true (adw_style_manager_get_high_contrast (manager));
  g_assert_true (g_str_has_prefix (style, "rgb(0, 0, 6) | "));
  g_assert_nonnull (strstr (style, " | 2px | solid | "));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Large text (Settings › Accessibility, text scaling 1.5: gtk-xft-dpi 1.5 × 96 × 1024):
 * the abstract's text grows with the rest of the page, and the view grows with it (or the
 * talk page would cut the abstract off). */
static void
test_follows_text_scale (Fixture *fixture, gconstpointer data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *normal = NULL;
  g_autofree char *large = NULL;
  g_auto (GStrv) normal_parts = NULL;
  g_auto (GStrv) large_parts = NULL;
  int dpi, normal_height;
  double ratio;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  show_html (fixture, STYLED_HTML);
  normal = computed_style (fixture);
  normal_height = hallway_abstract_view_get_content_height (fixture->view);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  /* The page is zoomed, or built again, a little later. */
  for (guint tries = 0; tries < TIMEOUT_S * 10; tries++)
    {
      large = computed_style (fixture);
      if (g_strcmp0 (large, normal) != 0)
        break;
      g_clear_pointer (&large, g_free);
      spin_for (100);
    }
  g_assert_nonnull (large);
  SPIN_UNTIL (hallway_abstract_view_get_content_height (fixture->view) > normal_height * 1.3,
              "the view to grow with its text");
  g_test_message ("computed style: %s, scaled 1.5: %s; view %d px high, then %d px", normal,
                  large, normal_height, hallway_abstract_view_get_content_height (fixture->view));
  normal_parts = g_strsplit (normal, " | ", -1);
  large_parts = g_strsplit (large, " | ", -1);
  /* The same widget, 1.5 times fewer CSS pixels across: text 1.5 times larger on screen. */
  ratio = g_ascii_strtod (normal_parts[4], NULL) / g_ascii_strtod (large_parts[4], NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  g_assert_cmpfloat_with_epsilon (ratio, 1.5, 0.1);
}

static void
test_keyboard_reaches_links (Fixture *fixture, gconstpointer data)
{
  GtkWidget *focus;

  show_html (fixture, "<p>See <a href=\"https://example.org/\">the slides</a>.</p>");

  /* The web view is the article "Abstract"; the view around it is a frame without a name,
   * so a screen reader meets one node of that name, not two. */
  gtk_test_accessible_assert_role (fixture->web_view, GTK_ACCESSIBLE_ROLE_ARTICLE);
  gtk_test_accessible_assert_property (fixture->web_view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Abstract");
  gtk_test_accessible_assert_role (fixture->view, GTK_ACCESSIBLE_ROLE_GENERIC);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (fixture->view),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Tab from the window lands in the web view (WebKit keeps an internal child focused);
   * from there WebKit moves through the links itself (enable-tabs-to-links). */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (fixture->web_view)
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->web_view)));
}

/* ---- 28 kinds of hostile abstract, each with the sanitizer and without --------------- */

/* Each case's HTML: %1$u is the loopback server's port. A script that runs sets the title
 * to "ran" and asks the server for /ran; #go is clicked (as by a person) once shown. */
#define H "http://127.0.0.1:%1$u"
#define RAN "document.title = 'ran'; new Image ().src = '" H "/ran';"
#define SVG_IMAGE "data:image/svg+xml,%%3Csvg xmlns='http://www.w3.org/2000/svg' " \
  "xmlns:xlink='http://www.w3.org/1999/xlink' onload=&quot;" RAN "&quot;%%3E" \
  "%%3Cscript%%3E" RAN "%%3C/script%%3E%%3Cimage href='" H "/svg-as-image.png' width='9' " \
  "height='9'/%%3E%%3Cstyle%%3E@import url(" H "/svg-as-image.css);%%3C/style%%3E%%3C/svg%%3E"

typedef struct
{
  const char *kind;
  const char *html;
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "script-inline", "<script>" RAN "</script>" },
  { "script-remote", "<script src=\"" H "/script.js\"></script>"
                     "<script type=\"module\" src=\"" H "/module.js\"></script>" },
  { "handler-img-onerror", "<img src=\"missing\" onerror=\"" RAN "\">" },
  { "handler-body-onload", "<body onload=\"" RAN "\" onpageshow=\"" RAN "\">" },
  { "handler-autofocus", "<input autofocus onfocus=\"" RAN "\">"
                         "<details open ontoggle=\"" RAN "\"><summary>s</summary></details>" },
  { "javascript-link", "<a id=\"go\" href=\"javascript:" RAN "\">link</a>" },
  { "data-link", "<a id=\"go\" href=\"data:text/html,&lt;script&gt;" RAN "&lt;/script&gt;\">"
                 "link</a>" },
  { "javascript-frame", "<iframe src=\"javascript:parent." RAN "\"></iframe>" },
  { "img-remote", "<img src=\"" H "/img.png\"><img src=\"//127.0.0.1:%1$u/scheme-relative.png\">"
                  "<img loading=\"lazy\" src=\"" H "/lazy.png\">" },
  { "img-srcset", "<img srcset=\"" H "/srcset-1x.png 1x, " H "/srcset-2x.png 2x\">" },
  { "picture-source", "<picture><source srcset=\"" H "/source.png\" media=\"all\">"
                      "<img alt=\"p\"></picture>" },
  { "css-url-attribute", "<p style=\"background-image: url('" H "/inline.png')\">styled</p>" },
  { "css-url-element",
    "<style>p { background: url(" H "/background.png); }"
    " li::before { content: url(" H "/content.png); }</style><ul><li>i</li></ul>" },
  { "css-import", "<style>@import url(\"" H "/import.css\");</style>" },
  { "css-font-face", "<style>@font-face { font-family: x; src: url(" H "/font.woff); }"
                     " body { font-family: x; }</style>" },
  { "link-stylesheet", "<link rel=\"stylesheet\" href=\"" H "/style.css\">" },
  { "iframe-remote", "<iframe src=\"" H "/frame.html\"></iframe>"
                     "<frameset><frame src=\"" H "/frame2.html\"></frameset>" },
  { "iframe-srcdoc", "<iframe srcdoc=\"&lt;script&gt;parent." RAN "&lt;/script&gt;"
                     "&lt;img src='" H "/srcdoc.png'&gt;\"></iframe>" },
  { "object", "<object data=\"" H "/object.swf\" type=\"application/x-shockwave-flash\">"
              "</object><object data=\"" H "/object.html\"></object>" },
  { "embed",
    "<embed src=\"" H "/embed.swf\"><embed src=\"" H "/embed.svg\" type=\"image/svg+xml\">" },
  { "svg-inline-script", "<svg><script>" RAN "</script><a id=\"go\" href=\"javascript:" RAN "\">"
                         "<text y=\"20\">s</text></a></svg>" },
  { "svg-inline-remote", "<svg width=\"20\" height=\"20\"><image href=\"" H "/svg-image.png\" "
                         "width=\"9\" height=\"9\"/><use href=\"" H "/sprite.svg#a\"/>"
                         "<filter id=\"f\"><feImage href=\"" H "/fe-image.png\"/></filter>"
                         "<rect filter=\"url(#f)\" width=\"9\" height=\"9\"/></svg>" },
  { "svg-as-image", "<img src=\"" SVG_IMAGE "\"><object data=\"" SVG_IMAGE "\"></object>" },
  { "meta-refresh", "<meta http-equiv=\"refresh\" content=\"0; url=" H "/refresh\">" },
  { "base-href", "<base href=\"" H "/base/\"><img src=\"relative.png\">"
                 "<link rel=\"stylesheet\" href=\"relative.css\">" },
  { "form-auto-submit", "<form action=\"" H "/form\" method=\"post\"><input name=\"a\" "
                        "autofocus onfocus=\"this.form.submit ()\"><button id=\"go\">send</button>"
                        "</form><form action=\"" H "/form-get\"><input type=\"image\" "
                        "src=\"" H "/form-image.png\"></form>" },
  { "link-prefetch-preload", "<link rel=\"prefetch\" href=\"" H "/prefetch\">"
                             "<link rel=\"preload\" as=\"image\" href=\"" H "/preload.png\">"
                             "<link rel=\"modulepreload\" href=\"" H "/modulepreload.js\">"
                             "<script type=\"speculationrules\">{\"prefetch\": [{\"source\": "
                             "\"list\", \"urls\": [\"" H "/speculation\"]}]}</script>" },
  { "link-dns-prefetch", "<link rel=\"dns-prefetch\" href=\"" H "/\">"
                         "<link rel=\"preconnect\" href=\"" H "/\">"
                         "<link rel=\"icon\" href=\"" H "/favicon.ico\">" },
};

#undef SVG_IMAGE
#undef RAN
#undef H

/* Long enough for lazy loads, refreshes and timers after the document is in. */
#define LAZY_LOAD_MS 500

typedef enum
{
  THROUGH_SANITIZER,  /* as the talk page shows it: the rich text, hallway_abstract_html () */
  UNSANITIZED_LOAD,   /* as it is, in a new document */
  UNSANITIZED_SWAP,   /* as it is, swapped into the document shown */
} HostileWay;

static const char *const hostile_way_names[] = {
  "through the sanitizer", "unsanitized, loaded", "unsanitized, swapped in",
};

/* Fails the test but goes on, so that one run names every case that did not hold. */
static void G_GNUC_PRINTF (1, 2)
case_failed (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", message);
  g_test_fail_printf ("%s", message);
}

/* Shows one case one way, clicks its #go, waits for whatever it might start, and fails
 * the test (naming the case) for any request, connection, script, navigation or link. */
static int
check_hostile_case (Fixture *fixture, LoopbackServer *loopback, const HostileCase *hostile,
                    HostileWay way)
{
  g_autofree char *marker = g_strdup_printf ("case %s", hostile->kind);
  g_autofree char *case_html = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const char *where = hostile_way_names[way];
  guint links_before = fixture->links->len;
  int requests, connections;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  case_html = g_strdup_printf (hostile->html, loopback->port);
#pragma GCC diagnostic pop
  html = g_strdup_printf ("<p>%s</p>%s<p>the end</p>", marker, case_html);
  /* A swap keeps the document, and its title: what an earlier case did must not count. */
  g_free (run_script (fixture, "document.title = ''"));
  g_atomic_int_set (&loopback->requests, 0);
  g_atomic_int_set (&loopback->connections, 0);

  if (way == THROUGH_SANITIZER)
    {
      HallwayRichText rich = { 0, };
      g_autofree char *shown = NULL;

      hallway_rich_text_set (&rich, html, hallway_rich_text_guess_format (html));
      shown = hallway_abstract_html (hallway_rich_text_get_html (&rich), NULL, NULL);
      hallway_rich_text_clear (&rich);
      show_html (fixture, shown);
    }
  else if (way == UNSANITIZED_LOAD)
    {
      guint before = fixture->renders;

      hallway_abstract_view_load_unsanitized_for_testing (fixture->view, html);
      SPIN_UNTIL (fixture->renders > before, "the unsanitized document to be shown");
    }
  else
    {
      show_html (fixture, html);
    }

  g_free (run_script (fixture, "(function () {"
                               "  const go = document.getElementById ('go');"
                               "  if (go)"
                               "    go.dispatchEvent (new MouseEvent ('click', "
                               "      { bubbles: true, cancelable: true, view: window }));"
                               "  return 'clicked';"
                               "}) ()"));
  spin_for (LAZY_LOAD_MS);

  requests = g_atomic_int_get (&loopback->requests);
  connections = g_atomic_int_get (&loopback->connections);
  text = run_script (fixture, "document.body ? document.body.innerText : ''");
  title = run_script (fixture, "document.title");
  if (requests != 0 || connections != 0)
    case_failed ("%s, %s: %d requests, %d connections to the server", hostile->kind, where,
                 requests, connections);
  if (g_strcmp0 (title, "ran") == 0
      || g_strcmp0 (webkit_web_view_get_title (fixture->web_view), "ran") == 0)
    case_failed ("%s, %s: a script of the page ran", hostile->kind, where);
  if (g_strcmp0 (webkit_web_view_get_uri (fixture->web_view), HALLWAY_ABSTRACT_BASE_URI) != 0)
    case_failed ("%s, %s: the view went to %s", hostile->kind, where,
                 webkit_web_view_get_uri (fixture->web_view));
  /* The document is the case's: this is no empty page that merely did nothing. */
  if (strstr (text, marker) == NULL)
    case_failed ("%s, %s: the document shown is not the case's", hostile->kind, where);
  for (guint i = links_before; i < fixture->links->len; i++)
    if (!hallway_abstract_policy_is_external_link (g_ptr_array_index (fixture->links, i)))
      case_failed ("%s, %s: a click opened %s", hostile->kind, where,
                   (char *) g_ptr_array_index (fixture->links, i));
  return requests + connections;
}

static void
test_hostile_kinds (Fixture *fixture, gconstpointer data)
{
  LoopbackServer *loopback = loopback_server_start ();
  int total = 0;

  g_assert_cmpuint (G_N_ELEMENTS (hostile_cases), ==, 28);
  show_html (fixture, "<p>A first talk.</p>");
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_test_message ("%s", hostile_cases[i].kind);
      total += check_hostile_case (fixture, loopback, &hostile_cases[i], UNSANITIZED_LOAD);
      total += check_hostile_case (fixture, loopback, &hostile_cases[i], UNSANITIZED_SWAP);
      total += check_hostile_case (fixture, loopback, &hostile_cases[i], THROUGH_SANITIZER);
    }
  /* Anything slower than a case's wait still counts, if not to its case. */
  spin_for (SETTLE_MS);
  total += g_atomic_int_get (&loopback->requests) + g_atomic_int_get (&loopback->connections);
  g_assert_cmpint (total, ==, 0);
  loopback_server_stop (loopback);
}

/* ---- long abstracts, and what a talk switch keeps ------------------------------------ */

/* Issue 10, defect 9: a megabyte of one word took 17 s to lay out. As the talk page gives
 * it to the view, it is shortened, says so, and wraps. */
static void
test_long_word_is_shortened (Fixture *fixture, gconstpointer data)
{
  g_autofree char *word = g_strnfill (1024 * 1024, 'x');
  g_autofree char *source = g_strconcat ("<p>", word, "</p>", NULL);
  g_autofree char *sanitized = hallway_sanitize_html (source);
  g_autofree char *html = hallway_abstract_html (sanitized, NULL, "https://example.org/talk");
  g_autofree char *text = NULL;
  g_autofree char *overflow = NULL;
  guint before;
  gint64 start;
  double seconds;

  show_html (fixture, "<p>A first talk.</p>");
  before = fixture->renders;
  start = g_get_monotonic_time ();
  hallway_abstract_view_set_html (fixture->view, html);
  SPIN_UNTIL (fixture->renders > before, "the long abstract to be shown");
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("a 1 MB word laid out in %.2f s", seconds);
  /* build-aux/dev test --sanitize runs slower builds: their limits scale. */
  g_assert_cmpfloat (seconds, <, hallway_test_seconds (2));

  text = run_script (fixture, "document.body.innerText");
  g_assert_nonnull (strstr (text, "This abstract is too long to show here in full and was "
                                  "shortened."));
  g_assert_nonnull (strstr (text, "Read all of it on the talk’s web page"));
  /* Broken into lines at the view's width: nothing sticks out sideways. */
  overflow = run_script (fixture, "String (document.body.scrollWidth > window.innerWidth)");
  g_assert_cmpstr (overflow, ==, "false");
}

/* The heap in use, allocated by malloc in any arena or by mmap. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* Issue 10, defect 10: each swap leaked the arguments GVariant, and with it a copy of the
 * abstract. Fifty switches between 100 KB abstracts leaked at least 5 MB. */
static void
test_switching_keeps_nothing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *padding = g_strnfill (100 * 1024, '-');
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize start, growth;

#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("mallinfo2 sees nothing of ASan's heap; LeakSanitizer checks this build");
  return;
#endif
  /* 100 KB each, in a comment: a leak shows, and WebKit has little to lay out. */
  first = g_strdup_printf ("<p>The first talk.</p><!-- %s -->", padding);
  second = g_strdup_printf ("<p>The second talk.</p><!-- %s -->", padding);
  show_html (fixture, first);
  /* Warm up: WebKit's own caches fill in the first switches. */
  for (guint i = 0; i < 5; i++)
    {
      show_html (fixture, second);
      show_html (fixture, first);
    }
  start = heap_in_use ();
  for (guint i = 0; i < 25; i++)
    {
      show_html (fixture, second);
      show_html (fixture, first);
    }
  growth = heap_in_use () > start ? heap_in_use () - start : 0;
  g_test_message ("the heap grew by %zu KB in 50 switches", growth / 1024);
  g_assert_cmpuint (growth, <, 1024 * 1024);
}

/* No web view, so no web process, until the view is shown. */
static void
test_web_view_is_made_when_shown (void)
{
  HallwayAbstractView *view = g_object_ref_sink (g_object_new (HALLWAY_TYPE_ABSTRACT_VIEW, NULL));

  hallway_abstract_view_set_html (view, "<p>Not yet shown.</p>");
  g_assert_null (hallway_abstract_view_get_web_view_for_testing (view));
  g_assert_nonnull (strstr (hallway_abstract_view_get_document_for_testing (view),
                            "<body tabindex=\"0\"><p>Not yet shown.</p></body>"));
  g_object_unref (view);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
add_test (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("hallway-abstract-view-XXXXXX", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  const char *folders[] = {
    "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
  };
  int status;

  /* A throwaway home, so WebKit writes nothing of the person's. */
  g_assert_nonnull (home);
  g_mkdir (runtime, 0700);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_setenv (folders[i], folder, TRUE);
    }

  /* What gtk_test_init () does, in C.UTF-8: it asks for en_US.UTF-8, which minimal roots
   * and containers lack, and GTK 4.24 warns about that, fatally in a test. */
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  /* As HallwayApplication does: from a static library, its constructor would be dropped. */
  g_resources_register (hallway_get_resource ());
  g_timeout_add (20, tick, NULL);

  g_test_add_func ("/abstract-view/web-view-is-made-when-shown", test_web_view_is_made_when_shown);
  add_test ("/abstract-view/hostile-document-stays-inert", test_hostile_document_stays_inert);
  add_test ("/abstract-view/hostile-kinds", test_hostile_kinds);
  add_test ("/abstract-view/links-open-outside", test_links_open_outside);
  add_test ("/abstract-view/long-word-is-shortened", test_long_word_is_shortened);
  add_test ("/abstract-view/switching-keeps-nothing", test_switching_keeps_nothing);
  add_test ("/abstract-view/height-follows-content", test_height_follows_content);
  add_test ("/abstract-view/switching-reuses-the-web-view", test_switching_reuses_the_web_view);
  add_test ("/abstract-view/follows-the-style", test_follows_the_style);
  add_test ("/abstract-view/follows-high-contrast", test_follows_high_contrast);
  add_test ("/abstract-view/follows-text-scale", test_follows_text_scale);
  add_test ("/abstract-view/keyboard-reaches-links", test_keyboard_reaches_links);
  status = g_test_run ();

  remove_tree (home);
  return status;
}
