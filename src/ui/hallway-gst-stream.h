/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HALLWAY_GST_STREAM_ERROR (hallway_gst_stream_error_quark ())

typedef enum
{
  HALLWAY_GST_STREAM_ERROR_NO_VIDEO_SINK,
} HallwayGstStreamError;

GQuark hallway_gst_stream_error_quark (void);

#define HALLWAY_TYPE_GST_STREAM (hallway_gst_stream_get_type ())
G_DECLARE_FINAL_TYPE (HallwayGstStream, hallway_gst_stream, HALLWAY, GST_STREAM, GtkMediaStream)

GtkMediaStream *hallway_gst_stream_new (const char *uri);

G_END_DECLS
