/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-player-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hallway-player-loader.h"
#include "hallway-player-window.h"

/* A talk's live stream or recording, played by GStreamer (hallway-gst-stream.c) in a small
 * window that stays open while the main window is browsed: one window a stream. When the
 * stream cannot be played (not there, the network, a codec missing, no GStreamer video sink
 * for GTK), the window says what failed and offers the browser instead. */
struct _HallwayPlayerWindow
{
  AdwWindow parent_instance;

  char *uri;
  char *web_uri;
  GtkMediaStream *stream;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkVideo *video;
  GtkWidget *spinner;
  AdwStatusPage *error_page;
  GtkWidget *error_browser_button;
};

G_DEFINE_FINAL_TYPE (HallwayPlayerWindow, hallway_player_window, ADW_TYPE_WINDOW)

/* The stream's error is GStreamer's "<what failed>\n<debugging text>"; the kind of failure is
 * only in the words. decodebin names each decoder it lacks on a debugging line, "Missing
 * decoder: H.264 (High Profile) (video/x-h264, …)". */
#define GST_MISSING_DECODER   "Missing decoder: "
#define GST_GETTEXT_PACKAGE   "gstreamer-1.0"

/* "H.264 (High Profile)" of "Missing decoder: H.264 (High Profile) (video/x-h264, …)". */
static char *
dup_decoder_name (const char *line)
{
  const char *name = line + strlen (GST_MISSING_DECODER);
  const char *caps = NULL;

  for (const char *p = strstr (name, " ("); p != NULL; p = strstr (p + 2, " ("))
    {
      const char *type = p + 2;

      while (g_ascii_islower (*type) || *type == '-')
        type++;
      if (type > p + 2 && *type == '/')
        {
          caps = p;
          break;
        }
    }
  return caps != NULL ? g_strndup (name, caps - name) : g_strdup (name);
}

/* The decoders the error says are missing, ", " between them; NULL when it names none. */
static char *
dup_missing_decoders (const char *message)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr (GString) names = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], GST_MISSING_DECODER))
      {
        g_autofree char *name = dup_decoder_name (lines[i]);

        if (names == NULL)
          names = g_string_new (name);
        else if (strstr (names->str, name) == NULL)
          g_string_append_printf (names, ", %s", name);
      }
  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* What failed, in GStreamer's words without its debugging text: "Resource not found." */
static char *
dup_failure (const char *message)
{
  const char *end = strchr (message, '\n');

  return end != NULL ? g_strndup (message, end - message) : g_strdup (message);
}

static gboolean
is_missing_plugin (const char *message)
{
  return strstr (message, g_dgettext (GST_GETTEXT_PACKAGE,
                                      "Your GStreamer installation is missing a plug-in.")) !=
           NULL ||
         strstr (message, "Your GStreamer installation is missing a plug-in.") != NULL;
}

static void
show_error (HallwayPlayerWindow *self, const GError *error)
{
  g_autofree char *description = NULL;
  g_autofree char *decoders = dup_missing_decoders (error->message);

  if (g_error_matches (error, HALLWAY_GST_STREAM_ERROR, HALLWAY_GST_STREAM_ERROR_NO_VIDEO_SINK))
    description = g_strdup (_("Hallway plays videos with GStreamer and its GTK 4 video sink "
                              "(gtk4paintablesink), which are not installed on this "
                              "computer."));
  else if (g_error_matches (error, HALLWAY_GST_STREAM_ERROR,
                            HALLWAY_GST_STREAM_ERROR_NO_PLAYER_MODULE))
    /* Translators: the first %s is the stream's address, the second why the player could not
     * be loaded (the system's words, naming the missing file) */
    description = g_strdup_printf (_("Hallway’s video player is missing or broken on this "
                                     "computer, so %s cannot be played here: %s"),
                                   self->uri, error->message);
  else if (decoders != NULL)
    /* Translators: the first %s names codecs ("H.264 (High Profile)"), the second is the
     * stream's address */
    description = g_strdup_printf (_("No codec for %s is installed on this computer, so %s "
                                     "cannot be played here."),
                                   decoders, self->uri);
  else if (is_missing_plugin (error->message))
    /* Translators: %s is the stream's address */
    description = g_strdup_printf (_("A codec or plug-in that %s needs is not installed on "
                                     "this computer."),
                                   self->uri);
  else
    {
      g_autofree char *failure = dup_failure (error->message);

      /* Translators: %s is the stream's address, then what failed in GStreamer's words
       * ("Resource not found. File not found") */
      description = g_strdup_printf (_("%s could not be played: %s"), self->uri, failure);
    }
  g_debug ("%s: %s", self->uri, error->message);
  adw_status_page_set_title (self->error_page, _("Cannot Play the Video"));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_grab_focus (self->error_browser_button);
}

static void
stream_error_cb (GtkMediaStream *stream, GParamSpec *pspec, HallwayPlayerWindow *self)
{
  const GError *error = gtk_media_stream_get_error (stream);

  if (error != NULL)
    show_error (self, error);
}

static void
stream_prepared_cb (GtkMediaStream *stream, GParamSpec *pspec, HallwayPlayerWindow *self)
{
  gtk_widget_set_visible (self->spinner, !gtk_media_stream_is_prepared (stream));
}

static void
open_in_browser_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HallwayPlayerWindow *self = HALLWAY_PLAYER_WINDOW (widget);
  g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (self->web_uri);

  /* The browser plays it now: this one would play the same thing twice. */
  if (self->stream != NULL && gtk_media_stream_get_error (self->stream) == NULL)
    gtk_media_stream_pause (self->stream);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
}

static void
toggle_playing_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HallwayPlayerWindow *self = HALLWAY_PLAYER_WINDOW (widget);

  if (self->stream == NULL || gtk_media_stream_get_error (self->stream) != NULL)
    return;
  gtk_media_stream_set_playing (self->stream, !gtk_media_stream_get_playing (self->stream));
}

static void
play (HallwayPlayerWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->stream = hallway_player_loader_new_stream (self->uri, &error);
  if (self->stream == NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_connect_object (self->stream, "notify::error", G_CALLBACK (stream_error_cb), self, 0);
  g_signal_connect_object (self->stream, "notify::prepared", G_CALLBACK (stream_prepared_cb),
                           self, 0);
  gtk_video_set_media_stream (self->video, self->stream);
  if (gtk_media_stream_get_error (self->stream) != NULL)
    show_error (self, gtk_media_stream_get_error (self->stream));
  else
    gtk_media_stream_play (self->stream);
}

static void
hallway_player_window_dispose (GObject *object)
{
  HallwayPlayerWindow *self = HALLWAY_PLAYER_WINDOW (object);

  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      gtk_media_stream_pause (self->stream);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HALLWAY_TYPE_PLAYER_WINDOW);
  g_clear_object (&self->stream);
  G_OBJECT_CLASS (hallway_player_window_parent_class)->dispose (object);
}

static void
hallway_player_window_finalize (GObject *object)
{
  HallwayPlayerWindow *self = HALLWAY_PLAYER_WINDOW (object);

  g_free (self->uri);
  g_free (self->web_uri);
  G_OBJECT_CLASS (hallway_player_window_parent_class)->finalize (object);
}

static void
hallway_player_window_class_init (HallwayPlayerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hallway_player_window_dispose;
  object_class->finalize = hallway_player_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/hallway-player-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, video);
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HallwayPlayerWindow, error_browser_button);

  gtk_widget_class_install_action (widget_class, "player.open-in-browser", NULL,
                                   open_in_browser_activated);
  gtk_widget_class_install_action (widget_class, "player.toggle-playing", NULL,
                                   toggle_playing_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
hallway_player_window_init (HallwayPlayerWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *toggle = gtk_named_action_new ("player.toggle-playing");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Space plays and pauses wherever the focus is, before a focused button takes it, as in
   * video players; Enter still activates buttons. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0), toggle));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

const char *
hallway_player_window_get_uri (HallwayPlayerWindow *self)
{
  g_return_val_if_fail (HALLWAY_IS_PLAYER_WINDOW (self), NULL);
  return self->uri;
}

HallwayPlayerWindow *
hallway_player_window_present (GtkApplication *application, const char *uri,
                               const char *web_uri, const char *title, const char *subtitle)
{
  HallwayPlayerWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (HALLWAY_IS_PLAYER_WINDOW (l->data) &&
        g_str_equal (HALLWAY_PLAYER_WINDOW (l->data)->uri, uri))
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return l->data;
      }

  self = g_object_new (HALLWAY_TYPE_PLAYER_WINDOW, "application", application, "title", title,
                       NULL);
  self->uri = g_strdup (uri);
  self->web_uri = g_strdup (web_uri != NULL ? web_uri : uri);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  play (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
