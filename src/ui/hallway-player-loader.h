/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The stream's own errors, besides GStreamer's (hallway-gst-stream.c, in the player module):
 * named by string, so the window needs no symbol of the module to tell them. */
#define HALLWAY_GST_STREAM_ERROR (g_quark_from_static_string ("hallway-gst-stream-error-quark"))

typedef enum
{
  HALLWAY_GST_STREAM_ERROR_NO_VIDEO_SINK,
  HALLWAY_GST_STREAM_ERROR_NO_PLAYER_MODULE, /* the message is the loader's */
} HallwayGstStreamError;

GtkMediaStream *hallway_player_loader_new_stream (const char *uri, GError **error);

G_END_DECLS
