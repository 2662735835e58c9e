/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "bench-long-abstract"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <webkit/webkit.h>

#include "hallway-abstract-view.h"
#include "hallway-html-sanitizer.h"
#include "hallway-resources.h"

/* A 1 MB abstract made of one word, shown in the real abstract view on a virtual X display
 * (run under xvfb-run): the time from handing the HTML to the view to the document laid out
 * and measured (the view's "rendered" signal), and the web process's resident memory
 * (VmRSS now, VmHWM its peak). Once as the talk page shows it (shortened, with a note) and
 * once with the whole sanitized HTML given to the view (the long word broken by the
 * stylesheet alone). Prints the numbers; asserts nothing. */

#define WORD_BYTES (1024 * 1024)
#define TIMEOUT_S 300
#define SETTLE_MS 3000

static gboolean rendered;

static void
rendered_cb (void)
{
  rendered = TRUE;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
settle (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * (gint64) 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_rendered (void)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!rendered && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return rendered;
}

/* The parent of a process, from /proc/PID/stat (after the command name in brackets). */
static int
parent_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *end;
  int ppid = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return 0;
  if (sscanf (end + 1, " %*c %d", &ppid) != 1)
    return 0;
  return ppid;
}

static gboolean
descends_from (int pid, int ancestor)
{
  for (int i = 0; i < 16 && pid > 1; i++)
    {
      pid = parent_of (pid);
      if (pid == ancestor)
        return TRUE;
    }
  return FALSE;
}

/* WebKit's web process for our views: a descendant named WebKitWebProcess (the kernel cuts
 * the name at 15 characters). */
static int
find_web_process (void)
{
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      int pid = atoi (name);
      g_autofree char *comm_path = NULL;
      g_autofree char *comm = NULL;

      if (pid <= 0)
        continue;
      comm_path = g_strdup_printf ("/proc/%d/comm", pid);
      if (g_file_get_contents (comm_path, &comm, NULL, NULL)
          && g_str_has_prefix (comm, "WebKitWebProces") && descends_from (pid, getpid ()))
        return pid;
    }
  return 0;
}

/* A /proc/PID/status field in kB, as MB. */
static double
status_mb (int pid, const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (pid <= 0 || !g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static void
measure (const char *what, const char *html)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  HallwayAbstractView *view = HALLWAY_ABSTRACT_VIEW (hallway_abstract_view_new ());
  gint64 start;
  double elapsed_ms;
  int pid;

  gtk_window_set_default_size (window, 480, 640);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (window, scrolled);
  g_signal_connect (view, "rendered", G_CALLBACK (rendered_cb), NULL);
  gtk_window_present (window);

  /* Another talk first, as in the app: the web process is up and the body is swapped. */
  rendered = FALSE;
  hallway_abstract_view_set_html (view, "<p>A short abstract.</p>");
  if (!wait_rendered ())
    g_error ("the short abstract was never shown");
  pid = find_web_process ();
  g_print ("%s: web process %d at %.0f MB before\n", what, pid, status_mb (pid, "VmRSS"));

  rendered = FALSE;
  start = g_get_monotonic_time ();
  hallway_abstract_view_set_html (view, html);
  if (!wait_rendered ())
    g_error ("the long abstract was not shown within %d s", TIMEOUT_S);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
  /* The view then takes the content's height and the web view paints it. */
  settle (SETTLE_MS);
  g_print ("%s: %zu bytes of HTML laid out in %.0f ms, %d px high; web process %.1f s later: "
           "VmRSS %.0f MB, VmHWM %.0f MB\n",
           what, strlen (html), elapsed_ms, hallway_abstract_view_get_content_height (view),
           SETTLE_MS / 1000.0, status_mb (pid, "VmRSS"), status_mb (pid, "VmHWM"));

  gtk_window_destroy (window);
  /* Let the web process go before the next measurement starts its own. */
  for (int i = 0; i < 50 && find_web_process () != 0; i++)
    settle (100);
}

int
main (int argc, char **argv)
{
  g_autofree char *word = g_strnfill (WORD_BYTES, 'x');
  g_autofree char *source = g_strconcat ("<p>", word, "</p>", NULL);
  g_autofree char *sanitized = NULL;
  g_autofree char *shown = NULL;

  gtk_init ();
  adw_init ();
  g_resources_register (hallway_get_resource ());
  g_timeout_add (20, tick, NULL);

  sanitized = hallway_sanitize_html (source);
  shown = hallway_abstract_html (sanitized, NULL, "https://example.org/talk");
  measure ("as the talk page shows it", shown);
  measure ("whole, as sanitized", sanitized);
  /* Other lengths of the word, whole: bench-long-abstract BYTES… */
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *part = g_strdup_printf ("<p>%.*s</p>", atoi (argv[i]), word);
      measure (argv[i], part);
    }
  return 0;
}
