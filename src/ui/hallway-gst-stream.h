/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-player-loader.h" /* HALLWAY_GST_STREAM_ERROR */

G_BEGIN_DECLS

#define HALLWAY_TYPE_GST_STREAM (hallway_gst_stream_get_type ())
G_DECLARE_FINAL_TYPE (HallwayGstStream, hallway_gst_stream, HALLWAY, GST_STREAM, GtkMediaStream)

/* In the player module: see hallway-player-loader.c. */
GtkMediaStream *hallway_gst_stream_new (const char *uri);

G_END_DECLS
