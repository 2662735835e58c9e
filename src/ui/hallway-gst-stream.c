/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-gst-stream"

#include "config.h"

#include <gst/gst.h>

#include "hallway-gst-stream.h"

/* A URL played by GStreamer's playbin into gtk4paintablesink's paintable, as a
 * GtkMediaStream that GtkVideo shows and controls. Not GtkMediaFile: GTK 4.19 and later read
 * a media file through GIO (g_file_read), which has no http(s) without GVfs (not in a
 * Flatpak) and gives an HLS playlist no address for its segments; playbin fetches both
 * itself. GStreamer's errors become the stream's error as "<message>\n<debugging text>",
 * where decodebin names a missing decoder ("Missing decoder: H.264 …"). */
struct _HallwayGstStream
{
  GtkMediaStream parent_instance;

  GstElement *playbin;
  GdkPaintable *paintable; /* gtk4paintablesink's, NULL when there is none */
  guint bus_watch;
  guint position_timeout; /* while playing */
};

static void hallway_gst_stream_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HallwayGstStream, hallway_gst_stream, GTK_TYPE_MEDIA_STREAM,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      hallway_gst_stream_paintable_init))

#define POSITION_INTERVAL_MS 250

static void
paintable_snapshot (GdkPaintable *paintable, GdkSnapshot *snapshot, double width, double height)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (paintable);

  if (self->paintable != NULL)
    gdk_paintable_snapshot (self->paintable, snapshot, width, height);
}

static GdkPaintable *
paintable_get_current_image (GdkPaintable *paintable)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (paintable);

  if (self->paintable != NULL)
    return gdk_paintable_get_current_image (self->paintable);
  return gdk_paintable_new_empty (0, 0);
}

static int
paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (paintable);

  return self->paintable != NULL ? gdk_paintable_get_intrinsic_width (self->paintable) : 0;
}

static int
paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (paintable);

  return self->paintable != NULL ? gdk_paintable_get_intrinsic_height (self->paintable) : 0;
}

static double
paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (paintable);

  return self->paintable != NULL ? gdk_paintable_get_intrinsic_aspect_ratio (self->paintable)
                                 : 0.0;
}

static void
hallway_gst_stream_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = paintable_snapshot;
  iface->get_current_image = paintable_get_current_image;
  iface->get_intrinsic_width = paintable_get_intrinsic_width;
  iface->get_intrinsic_height = paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = paintable_get_intrinsic_aspect_ratio;
}

static void
fail (HallwayGstStream *self, GError *error)
{
  if (gtk_media_stream_get_error (GTK_MEDIA_STREAM (self)) == NULL)
    gtk_media_stream_gerror (GTK_MEDIA_STREAM (self), error);
  else
    g_error_free (error);
}

static void
fail_from_message (HallwayGstStream *self, GstMessage *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &error, &debug);
  fail (self, g_error_new (error->domain, error->code, "%s\n%s", error->message,
                           debug != NULL ? debug : ""));
}

/* Once playbin has paused or plays. It says too late whether there is sound or picture:
 * both are assumed, as GTK's own media file does when it cannot tell. */
static void
announce_prepared (HallwayGstStream *self)
{
  gint64 duration = 0;
  gboolean seekable = FALSE;
  g_autoptr (GstQuery) seeking = gst_query_new_seeking (GST_FORMAT_TIME);

  if (gtk_media_stream_is_prepared (GTK_MEDIA_STREAM (self)))
    return;
  if (!gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) || duration < 0)
    duration = 0; /* live: no end */
  if (gst_element_query (self->playbin, seeking))
    gst_query_parse_seeking (seeking, NULL, &seekable, NULL, NULL);
  gtk_media_stream_stream_prepared (GTK_MEDIA_STREAM (self), TRUE, TRUE, seekable && duration > 0,
                                    duration / GST_USECOND);
}

static gboolean
update_position_cb (gpointer user_data)
{
  HallwayGstStream *self = user_data;
  gint64 position;

  if (gtk_media_stream_is_prepared (GTK_MEDIA_STREAM (self)) &&
      gst_element_query_position (self->playbin, GST_FORMAT_TIME, &position) && position >= 0)
    gtk_media_stream_update (GTK_MEDIA_STREAM (self), position / GST_USECOND);
  return G_SOURCE_CONTINUE;
}

static void
stop_position_updates (HallwayGstStream *self)
{
  g_clear_handle_id (&self->position_timeout, g_source_remove);
}

static gboolean
bus_message_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  HallwayGstStream *self = user_data;
  GstState new_state;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      stop_position_updates (self);
      fail_from_message (self, message);
      gst_element_set_state (self->playbin, GST_STATE_NULL);
    }
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    {
      stop_position_updates (self);
      gtk_media_stream_stream_ended (GTK_MEDIA_STREAM (self));
    }
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_STATE_CHANGED &&
           GST_MESSAGE_SRC (message) == GST_OBJECT (self->playbin))
    {
      gst_message_parse_state_changed (message, NULL, &new_state, NULL);
      if (new_state >= GST_STATE_PAUSED)
        announce_prepared (self);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
hallway_gst_stream_play (GtkMediaStream *stream)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (stream);

  if (self->playbin == NULL || gtk_media_stream_get_error (stream) != NULL ||
      gst_element_set_state (self->playbin, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    return FALSE;
  if (self->position_timeout == 0)
    self->position_timeout = g_timeout_add (POSITION_INTERVAL_MS, update_position_cb, self);
  return TRUE;
}

static void
hallway_gst_stream_pause (GtkMediaStream *stream)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (stream);

  stop_position_updates (self);
  if (self->playbin != NULL && gtk_media_stream_get_error (stream) == NULL)
    gst_element_set_state (self->playbin, GST_STATE_PAUSED);
}

static void
hallway_gst_stream_seek (GtkMediaStream *stream, gint64 timestamp)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (stream);

  if (gst_element_seek_simple (self->playbin, GST_FORMAT_TIME,
                               GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT,
                               timestamp * GST_USECOND))
    {
      gtk_media_stream_seek_success (stream);
      gtk_media_stream_update (stream, timestamp); /* also when paused, without the poll */
    }
  else
    gtk_media_stream_seek_failed (stream);
}

static void
hallway_gst_stream_update_audio (GtkMediaStream *stream, gboolean muted, double volume)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (stream);

  if (self->playbin != NULL)
    g_object_set (self->playbin, "mute", muted, "volume", volume * volume * volume, NULL);
}

static void
hallway_gst_stream_dispose (GObject *object)
{
  HallwayGstStream *self = HALLWAY_GST_STREAM (object);

  g_clear_handle_id (&self->bus_watch, g_source_remove);
  stop_position_updates (self);
  if (self->playbin != NULL)
    gst_element_set_state (self->playbin, GST_STATE_NULL);
  gst_clear_object (&self->playbin);
  if (self->paintable != NULL)
    g_signal_handlers_disconnect_by_data (self->paintable, self);
  g_clear_object (&self->paintable);
  G_OBJECT_CLASS (hallway_gst_stream_parent_class)->dispose (object);
}

static void
hallway_gst_stream_class_init (HallwayGstStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkMediaStreamClass *stream_class = GTK_MEDIA_STREAM_CLASS (klass);

  object_class->dispose = hallway_gst_stream_dispose;
  stream_class->play = hallway_gst_stream_play;
  stream_class->pause = hallway_gst_stream_pause;
  stream_class->seek = hallway_gst_stream_seek;
  stream_class->update_audio = hallway_gst_stream_update_audio;
}

static void
hallway_gst_stream_init (HallwayGstStream *self)
{
}

/* playbin with gtk4paintablesink as its video sink; FALSE with the stream's error when
 * either is not installed. */
static gboolean
make_pipeline (HallwayGstStream *self, const char *uri)
{
  GstElement *sink;
  g_autoptr (GstBus) bus = NULL;

  self->playbin = gst_element_factory_make ("playbin", NULL);
  sink = gst_element_factory_make ("gtk4paintablesink", NULL);
  if (self->playbin == NULL || sink == NULL)
    {
      if (sink != NULL)
        gst_object_unref (gst_object_ref_sink (sink));
      fail (self, g_error_new (HALLWAY_GST_STREAM_ERROR, HALLWAY_GST_STREAM_ERROR_NO_VIDEO_SINK,
                               "GStreamer has no %s", self->playbin == NULL ? "playbin"
                                                                            : "gtk4paintablesink"));
      return FALSE;
    }
  gst_object_ref_sink (self->playbin);
  g_object_get (sink, "paintable", &self->paintable, NULL);
  g_object_set (self->playbin, "uri", uri, "video-sink", sink, NULL);
  g_signal_connect_swapped (self->paintable, "invalidate-contents",
                            G_CALLBACK (gdk_paintable_invalidate_contents), self);
  g_signal_connect_swapped (self->paintable, "invalidate-size",
                            G_CALLBACK (gdk_paintable_invalidate_size), self);
  bus = gst_element_get_bus (self->playbin);
  self->bus_watch = gst_bus_add_watch (bus, bus_message_cb, self);
  return TRUE;
}

/* Paused at the start until played; an error on the stream when it cannot be played. */
GtkMediaStream *
hallway_gst_stream_new (const char *uri)
{
  HallwayGstStream *self;

  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_GST_STREAM, NULL);
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  if (make_pipeline (self, uri))
    gst_element_set_state (self->playbin, GST_STATE_PAUSED);
  return GTK_MEDIA_STREAM (self);
}
